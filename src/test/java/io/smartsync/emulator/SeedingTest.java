package io.smartsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedingTest {

    static final Instant NOW = Instant.parse("2026-01-17T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final List<String> STATUSES = Arrays.asList(null, "🟢Open", "🔴Closed", "🟡 Priority", "🔴 Urgent");

    @TempDir
    Path dir;

    EmulatorConfig config(Path dataDir, int members, long seed) {
        return EmulatorConfig.defaults(dataDir)
                .withPort(0)
                .withMembers(members)
                .withSeed(seed)
                .withClock(CLOCK);
    }

    List<Map<String, Object>> seededRows(Path dataDir, int members, long seed) {
        try (CaspioEmulator emulator = CaspioEmulator.start(config(dataDir, members, seed))) {
            return emulator.rows(CaspioEmulator.NOTES_TABLE);
        }
    }

    @Test
    void new_database_gets_realistic_notes_for_each_member() {
        List<Map<String, Object>> rows = seededRows(dir.resolve("a"), 20, 7);

        assertThat(rows).hasSizeBetween(20, 20 * 60);
        List<String> times =
                rows.stream().map(r -> (String) r.get("Time_Stamp")).toList();
        assertThat(times).isSorted().allMatch(t -> t.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"));
        assertThat(times.get(0)).isGreaterThan("2024-01-17T10:00:00");
        assertThat(rows)
                .allMatch(r -> ((String) r.get("Client_ID2")).matches("CL0000(0[1-9]|1[0-9]|20)"), "member ids")
                .allMatch(r -> r.get("Sync_ID") == null, "no sync id")
                .allMatch(r -> ((String) r.get("Comments")).length() > 30, "real comments")
                .allMatch(
                        r -> ((String) r.get("Last_Modified")).compareTo((String) r.get("Time_Stamp")) >= 0
                                && ((String) r.get("Last_Modified")).compareTo("2026-01-17T10:00:00") <= 0,
                        "modified after")
                .allMatch(r -> STATUSES.contains(r.get("Follow_Up_Status")), "statuses");
        assertThat(rows)
                .extracting(r -> r.get("Note_ID"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, rows.size())
                        .mapToObj(i -> "note-" + i)
                        .toList());
        Set<Object> members = rows.stream().map(r -> r.get("Client_ID2")).collect(Collectors.toSet());
        assertThat(members.size()).isGreaterThan(15);
        assertThat(rows).extracting(r -> r.get("User_ID")).doesNotContainNull();
        assertThat(rows)
                .extracting(r -> r.get("Follow_Up_Status"))
                .contains("🟢Open", "🔴Closed")
                .containsNull();
        assertThat(rows).anyMatch(r -> !r.get("Last_Modified").equals(r.get("Time_Stamp")));
    }

    @Test
    void same_seed_and_clock_give_identical_rows() {
        List<Map<String, Object>> first = seededRows(dir.resolve("a"), 15, 99);
        List<Map<String, Object>> second = seededRows(dir.resolve("b"), 15, 99);
        List<Map<String, Object>> otherSeed = seededRows(dir.resolve("c"), 15, 100);

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void existing_database_is_opened_without_seeding_again() {
        Path data = dir.resolve("kept");
        Map<String, Object> added;
        List<Map<String, Object>> before;
        try (CaspioEmulator emulator = CaspioEmulator.start(config(data, 5, 1))) {
            added = emulator.insert(CaspioEmulator.NOTES_TABLE, Map.of("Note_ID", "mine", "Client_ID2", "CL000001"));
            before = emulator.rows(CaspioEmulator.NOTES_TABLE);
        }

        List<Map<String, Object>> after = seededRows(data, 50, 2);

        assertThat(after).isEqualTo(before).contains(added);
    }

    @Test
    void zero_members_give_an_empty_table() {
        assertThat(seededRows(dir.resolve("empty"), 0, 42)).isEmpty();
    }

    @Test
    void default_two_hundred_members_seed_quickly() {
        long started = System.nanoTime();
        List<Map<String, Object>> rows = seededRows(dir.resolve("full"), 200, 42);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(rows.size()).isBetween(3000, 9000);
        assertThat(rows)
                .extracting(r -> r.get("Client_ID2"))
                .contains("CL000200")
                .doesNotContain("CL000201");
        assertThat(millis).as("start-up with seeding took %d ms", millis).isLessThan(5000);
    }

    @Test
    void data_directory_is_created_owner_only() throws Exception {
        Path data = dir.resolve("nested/private");
        seededRows(data, 1, 1);

        assertThat(Files.exists(data.resolve("emulator.db"))).isTrue();
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("emulator.db"))))
                    .isEqualTo("rw-------");
        }
    }
}
