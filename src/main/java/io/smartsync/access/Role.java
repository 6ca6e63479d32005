package io.smartsync.access;

import java.util.Locale;

/** Staff read and write notes and drive a member's sync; admins may also manage data and read the audit log. */
public enum Role {
    STAFF,
    ADMIN;

    public boolean allows(Role required) {
        return this == ADMIN || this == required;
    }

    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("role must be staff or admin, was " + text);
        }
    }
}
