package io.smartsync.caspio;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds Caspio {@code q.where} clauses. Nothing from a request reaches a clause except through {@link
 * #text} (quotes doubled, control characters refused) or as a validated number or field name.
 */
public final class Where {
    private static final Pattern FIELD = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,127}$");

    private Where() {}

    /** A field name, checked so it cannot carry anything but a name. */
    public static String field(String name) {
        if (name == null || !FIELD.matcher(name).matches()) {
            throw new IllegalArgumentException("not a Caspio field name: " + name);
        }
        return name;
    }

    /** A text literal: single-quoted, inner quotes doubled. */
    public static String text(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException("control characters are not allowed in a query value");
            }
        }
        return "'" + value.replace("'", "''") + "'";
    }

    public static String eq(String field, String value) {
        return field(field) + "=" + text(value);
    }

    private static final Pattern NUMBER = Pattern.compile("^-?[0-9]{1,18}(\\.[0-9]{1,9})?$");

    /** Equality with a value of a NUMBER field: sent unquoted, so it must be a plain number. */
    public static String eqNumber(String field, String value) {
        if (value == null || !NUMBER.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " is a number field; '" + value + "' is not a number");
        }
        return field(field) + "=" + value;
    }

    public static String eq(String field, long value) {
        return field(field) + "=" + value;
    }

    /**
     * Rows strictly after {@code (stamp, pk)} in (stamp, {@code PK_ID}) order: the keyset step that never
     * skips a row at a page boundary, even when many rows share one stamp. The leading {@code >=} is
     * implied by the rest but lets a database seek its stamp index to the position instead of scanning it
     * from the start on every page.
     */
    public static String after(String stampField, String pkField, String stamp, long pk) {
        String s = field(stampField);
        return "(" + s + ">=" + text(stamp) + " AND (" + s + ">" + text(stamp) + " OR " + field(pkField) + ">" + pk
                + "))";
    }

    /**
     * Rows after the unstamped row {@code pk} in (stamp, {@code PK_ID}) order, where rows without a stamp
     * come first: the remaining unstamped rows by key, then every stamped row.
     */
    public static String afterUnstamped(String stampField, String pkField, long pk) {
        String s = field(stampField);
        return "((" + s + " IS NULL AND " + field(pkField) + ">" + pk + ") OR " + s + " IS NOT NULL)";
    }

    /** Any of the clauses: {@code (a OR b OR …)}. */
    public static String anyOf(List<String> clauses) {
        if (clauses.isEmpty()) {
            throw new IllegalArgumentException("an OR chain needs at least one clause");
        }
        return "(" + String.join(" OR ", clauses) + ")";
    }

    public static String and(String left, String right) {
        return left + " AND " + right;
    }
}
