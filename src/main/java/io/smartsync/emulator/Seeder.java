package io.smartsync.emulator;

import io.smartsync.emulator.SeedVocabulary.Staff;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Creates missing tables and fills a new notes table with demo data. Everything derives from the
 * configured seed and clock, so two emulators with the same settings hold the same rows.
 */
final class Seeder {

    private static final long TWO_YEARS_SECONDS = 2L * 365 * 24 * 3600;
    private static final long THIRTY_DAYS_SECONDS = 30L * 24 * 3600;
    private static final int MAX_NOTES_PER_MEMBER = 60;

    private record SeedNote(
            String clientId,
            String comments,
            Staff author,
            LocalDateTime timeStamp,
            LocalDateTime followUpDate,
            String status,
            Staff assignee,
            String senior,
            LocalDateTime lastModified) {}

    private Seeder() {}

    /** Answers how many notes were seeded, or -1 when the notes table already existed. */
    static int createMissing(EmulatorDatabase db, List<TableDef> tables, EmulatorConfig config) {
        return db.inTransaction(c -> {
            int seeded = -1;
            for (TableDef table : tables) {
                if (!Schema.exists(c, table)) {
                    Schema.create(c, table);
                    if (table.equals(NotesTable.DEFINITION)) {
                        seeded = insert(c, generate(config));
                    }
                }
            }
            return seeded;
        });
    }

    private static List<SeedNote> generate(EmulatorConfig config) {
        Random random = new Random(config.seed());
        LocalDateTime now = LocalDateTime.ofInstant(config.clock().instant(), ZoneOffset.UTC)
                .withNano(0);
        List<SeedNote> notes = new ArrayList<>();
        for (int member = 1; member <= config.members(); member++) {
            String clientId = String.format("CL%06d", member);
            Staff coordinator = pick(random, SeedVocabulary.STAFF);
            String senior = pick(random, SeedVocabulary.SENIORS);
            int count = random.nextInt(MAX_NOTES_PER_MEMBER + 1);
            for (int i = 0; i < count; i++) {
                notes.add(note(random, now, clientId, coordinator, senior));
            }
        }
        // PK_ID and Note_ID grow with time, as they did when the original app wrote these rows.
        notes.sort(Comparator.comparing(SeedNote::timeStamp));
        return notes;
    }

    private static SeedNote note(Random random, LocalDateTime now, String clientId, Staff coordinator, String senior) {
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
                clientId, comment(random), author, timeStamp, followUp, status, assignee, senior, lastModified);
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

    private static int insert(Connection c, List<SeedNote> notes) throws SQLException {
        String sql = "INSERT INTO " + NotesTable.DEFINITION.sqlName()
                + " (\"Note_ID\", \"Client_ID2\", \"Comments\", \"User_ID\", \"User_Full_Name\", \"Time_Stamp\","
                + " \"Follow_Up_Date\", \"Follow_Up_Status\", \"Follow_Up_Assignment\", \"Assigned_First\","
                + " \"Senior_Full_Name\", \"Last_Modified\", \"Sync_ID\") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (SeedNote note : notes) {
                ps.setString(1, "note-" + (++n));
                ps.setString(2, note.clientId());
                ps.setString(3, note.comments());
                ps.setString(4, note.author().userId());
                ps.setString(5, note.author().fullName());
                ps.setString(6, DateTimes.stored(note.timeStamp()));
                ps.setString(7, note.followUpDate() == null ? null : DateTimes.stored(note.followUpDate()));
                ps.setString(8, note.status());
                ps.setString(9, note.assignee() == null ? null : note.assignee().fullName());
                ps.setString(
                        10, note.assignee() == null ? null : note.assignee().firstName());
                ps.setString(11, note.senior());
                ps.setString(12, DateTimes.stored(note.lastModified()));
                ps.addBatch();
            }
            ps.executeBatch();
            return n;
        }
    }
}
