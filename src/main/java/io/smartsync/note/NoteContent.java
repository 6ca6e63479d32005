package io.smartsync.note;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;

/**
 * What a person can edit in a note, and the only list of those fields: a note's {@link #version} and
 * {@link #hash} are taken over them, in this order. The comments may be empty (a row made in Caspio
 * without text), never longer than Caspio's field.
 */
public record NoteContent(
        String comments,
        LocalDateTime followUpDate,
        String followUpStatus,
        String followUpAssignment,
        String assignedFirst,
        String seniorFullName) {

    public NoteContent {
        if (comments == null) {
            comments = "";
        }
        if (comments.length() > Note.MAX_COMMENTS) {
            throw new InvalidInputException("comments must be at most " + Note.MAX_COMMENTS + " characters");
        }
    }

    /** Comments and no follow-up. */
    public static NoteContent of(String comments) {
        return new NoteContent(comments, null, null, null, null, null);
    }

    /** The fields as text, in the order the version and the hash take them. */
    private String[] fields() {
        return new String[] {
            comments,
            String.valueOf(followUpDate),
            String.valueOf(followUpStatus),
            String.valueOf(followUpAssignment),
            String.valueOf(assignedFirst),
            String.valueOf(seniorFullName)
        };
    }

    /**
     * A SHA-256 hash of the fields: tells versions apart on a table whose update stamp does not move when
     * a row is edited (stored with an edit as its base, so it must never change for the same fields).
     */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u0000", fields()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /**
     * The version as the API shows it ({@code version}) and a client sends it back in {@code If-Match}: a
     * 64-bit FNV-1a hash of the fields, cheap enough for every note of every answer; it tells one note's
     * versions apart (it is no protection against a forged collision, and needs none: a writer can only
     * make its own write skip the conflict rules, which a write without If-Match does anyway).
     */
    public String version() {
        long h = 0xcbf29ce484222325L;
        for (String field : fields()) {
            for (int i = 0; i < field.length(); i++) {
                h = (h ^ field.charAt(i)) * 0x100000001b3L;
            }
            h = (h ^ 0x1_0000) * 0x100000001b3L; // between fields: a value no char has
        }
        return HexFormat.of().toHexDigits(h);
    }
}
