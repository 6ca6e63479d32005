package io.smartsync.access;

import java.util.regex.Pattern;

/** Checks the names people and keys are known by; they end up in the audit log and in notes' authors. */
final class Names {
    /** Letters, digits and the marks that e-mail addresses and directory ids use; never a quote or space. */
    private static final Pattern USER_ID = Pattern.compile("^[A-Za-z0-9._@-]{1,64}$");

    /** Caspio's Text(255), where a note's author name is stored. */
    private static final int MAX_NAME = 255;

    private Names() {}

    static String userId(String userId) {
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw new IllegalArgumentException(
                    "a user id must be 1-64 letters, digits, '.', '_', '@' or '-', was " + printable(userId));
        }
        return userId;
    }

    static String fullName(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            throw new IllegalArgumentException("a full name is required");
        }
        if (fullName.length() > MAX_NAME || fullName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "a full name must be at most " + MAX_NAME + " characters, without control characters");
        }
        return fullName.strip();
    }

    private static String printable(String s) {
        return s == null ? "nothing" : "'" + s.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
