package io.smartsync.emulator;

import io.smartsync.emulator.SeedVocabulary.Staff;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Fills a new notes table with demo data. Everything derives from the configured seed and clock, so two
 * emulators with the same settings hold the same rows; both shapes get the same notes, with member
 * {@code n} as {@code CL00000n} or as the number {@code 100000 + n}.
 */
final class Seeder {

    private static final long TWO_YEARS_SECONDS = 2L * 365 * 24 * 3600;
    private static final long THIRTY_DAYS_SECONDS = 30L * 24 * 3600;

    private record SeedNote(
            int member,
            String comments,
            Staff author,
            LocalDateTime timeStamp,
            LocalDateTime followUpDate,
            String status,
            Staff assignee,
            String senior,
            LocalDateTime lastModified) {}

    private Seeder() {}

    /** Fills a new notes table with demo notes; answers how many. */
    static int seed(Connection c, TableDef table, EmulatorConfig config) throws SQLException {
        int seeded = insert(c, table, generate(config), config.shape());
        indexMembers(c, table);
        return seeded;
    }

    /**
     * Without an index every one-member query scans the whole table, so with a large table the emulator's
     * own scans, not the client under test, would set the pace of each member read.
     */
    private static void indexMembers(Connection c, TableDef table) throws SQLException {
        FieldDef member = table.fields().stream()
                .filter(f -> f.name().equals("Client_ID2"))
                .findFirst()
                .orElse(null);
        if (member == null) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX \"ix_" + table.name() + "_member\" ON " + table.sqlName() + " (" + member.column()
                    + ")");
        }
    }

    private static List<SeedNote> generate(EmulatorConfig config) {
        Random random = new Random(config.seed());
        LocalDateTime now = LocalDateTime.ofInstant(config.clock().instant(), ZoneOffset.UTC)
                .withNano(0);
        List<SeedNote> notes = new ArrayList<>();
        for (int member = 1; member <= config.members(); member++) {
            Staff coordinator = pick(random, SeedVocabulary.STAFF);
            String senior = pick(random, SeedVocabulary.SENIORS);
            int count = random.nextInt(2 * config.notesPerMember() + 1);
            for (int i = 0; i < count; i++) {
                notes.add(note(random, now, member, coordinator, senior));
            }
        }
        // PK_ID and Note_ID grow with time, as they did when the original app wrote these rows.
        notes.sort(Comparator.comparing(SeedNote::timeStamp));
        return notes;
    }

    private static SeedNote note(Random random, LocalDateTime now, int member, Staff coordinator, String senior) {
        Staff author = random.nextInt(10) < 7 ? coordinator : pick(random, SeedVocabulary.STAFF);
        LocalDateTime timeStamp = now.minusSeconds(random.nextLong(TWO_YEARS_SECONDS));
        LocalDateTime lastModified = timeStamp;
        if (random.nextInt(100) < 35) {
            long room = Duration.between(timeStamp, now).toSeconds();
            lastModified = timeStamp.plusSeconds(random.nextLong(Math.min(room, THIRTY_DAYS_SECONDS) + 1));
        }
        LocalDateTime followUp = random.nextInt(100) < 75
                ? timeStamp.toLocalDate().plusDays(1 + random.nextInt(21)).atStartOfDay()
                : null;
        int roll = random.nextInt(100);
        String status =
                roll < 10 ? null : SeedVocabulary.STATUSES.get(roll < 45 ? 0 : roll < 85 ? 1 : roll < 95 ? 2 : 3);
        Staff assignee = random.nextInt(100) < 80 ? (random.nextBoolean() ? coordinator : author) : null;
        return new SeedNote(
                member, comment(random), author, timeStamp, followUp, status, assignee, senior, lastModified);
    }

    private static String comment(Random random) {
        StringBuilder text = new StringBuilder(fill(random, pick(random, SeedVocabulary.OPENERS)));
        int details = 1 + random.nextInt(2);
        for (int i = 0; i < details; i++) {
            text.append(' ').append(fill(random, pick(random, SeedVocabulary.DETAILS)));
        }
        String plan = pick(random, SeedVocabulary.PLANS);
        return plan.isEmpty() ? text.toString() : text + " " + plan;
    }

    private static String fill(Random random, String template) {
        return template.replace("{n}", Integer.toString(1 + random.nextInt(5)))
                .replace("{provider}", pick(random, SeedVocabulary.PROVIDERS))
                .replace("{med}", pick(random, SeedVocabulary.MEDICATIONS))
                .replace("{day}", pick(random, SeedVocabulary.DAYS));
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static int insert(Connection c, TableDef table, List<SeedNote> notes, TableShape shape)
            throws SQLException {
        List<FieldDef> columns = table.fields().subList(1, table.fields().size());
        String sql = "INSERT INTO " + table.sqlName() + " ("
                + columns.stream().map(FieldDef::column).collect(Collectors.joining(", ")) + ") VALUES ("
                + "?, ".repeat(columns.size() - 1) + "?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (SeedNote note : notes) {
                n++;
                for (int i = 0; i < columns.size(); i++) {
                    ps.setObject(i + 1, value(columns.get(i).name(), note, n, shape));
                }
                ps.addBatch();
            }
            ps.executeBatch();
            return n;
        }
    }

    private static Object value(String field, SeedNote note, int n, TableShape shape) {
        Staff assignee = note.assignee();
        return switch (field) {
            case "Note_ID" -> "note-" + n;
            case "Client_ID2" ->
                shape == TableShape.ORIGINAL
                        ? (double) (NotesTable.ORIGINAL_FIRST_ID + note.member() - 1)
                        : String.format(Locale.ROOT, "CL%06d", note.member());
            case "Comments" -> note.comments();
            case "User_ID" -> note.author().userId();
            case "User_Full_Name" -> note.author().fullName();
            case "Time_Stamp" -> DateTimes.stored(note.timeStamp());
            case "Follow_Up_Date" -> note.followUpDate() == null ? null : DateTimes.stored(note.followUpDate());
            case "Follow_Up_Status" -> note.status();
            case "Follow_Up_Assignment" -> assignee == null ? null : assignee.fullName();
            case "Assigned_First" -> assignee == null ? null : assignee.firstName();
            case "Senior_Full_Name" -> note.senior();
            case "Last_Modified" -> DateTimes.stored(note.lastModified());
            default -> null; // Sync_ID: rows made elsewhere have none
        };
    }
}
