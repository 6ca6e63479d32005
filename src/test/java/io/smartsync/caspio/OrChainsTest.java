package io.smartsync.caspio;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.note.Position;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads by many keys or members at once: OR chains as long as Caspio's URI limit allows, against the
 * emulator over HTTP, and the keys-only pages the global poll reads first.
 */
class OrChainsTest {
    private static final String TABLE = CaspioEmulator.NOTES_TABLE;

    @TempDir
    Path dir;

    CaspioEmulator emulator;
    HttpClient http;
    CaspioClient caspio;

    @BeforeEach
    void start() {
        emulator = CaspioEmulator.start(EmulatorConfig.defaults(dir).withPort(0).withMembers(0));
        http = HttpClient.newHttpClient();
        caspio = new CaspioClient(
                new CaspioConfig(emulator.baseUri(), "v2", "demo", "demo-secret", Duration.ofSeconds(10)),
                CaspioPolicy.defaults(),
                http,
                Clock.systemUTC(),
                new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() {
        http.close();
        emulator.close();
    }

    @Test
    void rows_read_by_key_in_or_chains_are_exactly_the_keys_asked_for() {
        List<Long> asked = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            long pk = pk(emulator.insert(TABLE, Map.of("Client_ID2", "CL000001", "Comments", "note " + i)));
            if (i % 3 != 1) {
                asked.add(pk);
            }
        }

        List<List<Long>> groups =
                caspio.orGroups(TABLE, null, null, asked, pk -> Where.eq("PK_ID", pk), null, CaspioClient.MAX_PAGE);
        List<Long> read = new ArrayList<>();
        for (List<Long> group : groups) {
            Where where =
                    Where.anyOf(group.stream().map(pk -> Where.eq("PK_ID", pk)).toList());
            caspio.select(TABLE, where, null, CaspioClient.MAX_PAGE).forEach(r -> read.add(pk(r)));
        }

        assertThat(groups).hasSizeGreaterThan(3); // each request as full as the limit allows
        assertThat(groups.stream().flatMap(List::stream).toList()).isEqualTo(asked);
        assertThat(read).containsExactlyInAnyOrderElementsOf(asked);
    }

    @Test
    void members_with_long_ids_are_listed_in_chains_that_leave_room_for_a_page_step() {
        List<String> members = new ArrayList<>();
        List<Long> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String member = "member-with-a-long-id-of-sixty-characters-number-" + String.format("%010d", i);
            members.add(member);
            for (int n = 0; n < 3; n++) {
                rows.add(pk(emulator.insert(TABLE, Map.of("Client_ID2", member, "Comments", "note"))));
            }
        }
        emulator.insert(TABLE, Map.of("Client_ID2", "someone-else", "Comments", "not asked for"));
        Where step = Where.above("PK_ID", Long.MAX_VALUE);

        List<List<String>> groups = caspio.orGroups(
                TABLE, "PK_ID", "PK_ID ASC", members, m -> Where.eq("Client_ID2", m), step, Integer.MAX_VALUE);
        List<Long> listed = new ArrayList<>();
        for (List<String> group : groups) {
            Where scope = Where.anyOf(
                    group.stream().map(m -> Where.eq("Client_ID2", m)).toList());
            long after = 0;
            while (true) {
                List<Map<String, Object>> page =
                        caspio.select(TABLE, "PK_ID", Where.and(scope, Where.above("PK_ID", after)), "PK_ID ASC", 5);
                page.forEach(r -> listed.add(pk(r)));
                if (page.size() < 5) {
                    break;
                }
                after = pk(page.getLast());
            }
        }

        assertThat(groups).hasSizeGreaterThan(1);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(rows);
    }

    @Test
    void a_clause_goes_with_its_quotes_and_signs_as_they_are_and_what_delimits_a_query_encoded() {
        assertThat(CaspioClient.encode("(Client_ID2='CL000001' OR Client_ID2='O''Brien') AND PK_ID<=9"))
                .isEqualTo("(Client_ID2='CL000001'%20OR%20Client_ID2='O''Brien')%20AND%20PK_ID%3C=9");
        assertThat(CaspioClient.encode("a&b+c#d%e f/g?h;i\u00e9")).isEqualTo("a%26b%2Bc%23d%25e%20f%2Fg%3Fh%3Bi%C3%A9");
    }

    @Test
    void values_holding_query_delimiters_reach_caspio_intact() {
        List<String> members = List.of("a&q.where=1", "b+c", "d#e", "f%20g", "h i", "O'Brien", "x=y,z(1)*:2", "Zoë");
        for (String m : members) {
            emulator.insert(TABLE, Map.of("Client_ID2", m, "Comments", "note"));
        }
        emulator.insert(TABLE, Map.of("Client_ID2", "someone-else", "Comments", "not asked for"));

        for (String m : members) {
            assertThat(caspio.select(TABLE, Where.eq("Client_ID2", m), null, 10))
                    .singleElement()
                    .satisfies(r -> assertThat(r.get("Client_ID2")).isEqualTo(m));
        }
        Where all =
                Where.anyOf(members.stream().map(m -> Where.eq("Client_ID2", m)).toList());
        assertThat(caspio.count(TABLE, all)).isEqualTo(members.size());
    }

    @Test
    void a_keys_only_page_answers_key_member_and_stamp_in_cursor_order() {
        for (int i = 0; i < 12; i++) {
            emulator.insert(TABLE, Map.of("Client_ID2", "CL00000" + (i % 3), "Comments", "a note text " + i));
        }

        Iterator<List<Map<String, Object>>> pages = caspio.pages(
                TABLE, "PK_ID,Client_ID2,Last_Modified", null, "Last_Modified", "PK_ID", Position.START, 5);
        List<Map<String, Object>> rows = new ArrayList<>();
        pages.forEachRemaining(rows::addAll);

        assertThat(rows).hasSize(12);
        assertThat(rows).allSatisfy(r -> assertThat(r).containsOnlyKeys("PK_ID", "Client_ID2", "Last_Modified"));
        assertThat(rows.stream().map(OrChainsTest::pk).toList()).isSorted();
    }

    private static long pk(Map<String, Object> row) {
        return ((Number) row.get("PK_ID")).longValue();
    }
}
