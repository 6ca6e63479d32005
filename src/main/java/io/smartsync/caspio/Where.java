package io.smartsync.caspio;

import io.smartsync.note.CaspioStamp;
import io.smartsync.note.Position;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Caspio {@code q.where} clause. One can only be made by the factories here, from checked field names
 * and typed values (text quoted with inner quotes doubled and control characters refused, numbers as
 * numbers, stamps in Caspio's form), so no string from a request can become a clause. The text is read
 * only inside this package ({@link #clause()}), where it goes into a request. Immutable.
 */
public final class Where {
    private static final Pattern FIELD = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,127}$");
    private static final Pattern NUMBER = Pattern.compile("^-?[0-9]{1,18}(\\.[0-9]{1,9})?$");

    private final String clause;

    private Where(String clause) {
        this.clause = clause;
    }

    /** {@code field='value'}. */
    public static Where eq(String field, String value) {
        return new Where(field(field) + "=" + text(value));
    }

    /** Equality with a value of a NUMBER field: sent unquoted, so it must be a plain number. */
    public static Where eqNumber(String field, String value) {
        if (value == null || !NUMBER.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " is a number field; '" + value + "' is not a number");
        }
        return new Where(field(field) + "=" + value);
    }

    /** {@code field=value} for an integer field ({@code PK_ID}, say). */
    public static Where eq(String field, long value) {
        return new Where(field(field) + "=" + value);
    }

    /** {@code field='stamp'}, the stamp in the form Caspio answers in. */
    public static Where eq(String field, CaspioStamp stamp) {
        return new Where(field(field) + "=" + text(stamp.wire()));
    }

    /** {@code field<=value}. */
    public static Where atMost(String field, long value) {
        return new Where(field(field) + "<=" + value);
    }

    /** {@code field>value}. */
    public static Where above(String field, long value) {
        return new Where(field(field) + ">" + value);
    }

    /**
     * Rows strictly after {@code from} in (stamp, {@code PK_ID}) order: the keyset step that never skips a
     * row at a page boundary, even when many rows share one stamp. The leading {@code >=} is implied by
     * the rest but lets a database seek its stamp index to the position instead of scanning it from the
     * start on every page.
     *
     * @throws IllegalArgumentException for {@link Position#START} (no stamp): every row is after it
     */
    public static Where after(String stampField, String pkField, Position from) {
        if (from.stamp() == null) {
            throw new IllegalArgumentException("every row is after the start; no clause needed");
        }
        String s = field(stampField);
        String stamp = text(from.stamp().wire());
        return new Where(
                "(" + s + ">=" + stamp + " AND (" + s + ">" + stamp + " OR " + field(pkField) + ">" + from.pk() + "))");
    }

    /** Any of the clauses: {@code (a OR b OR …)}, in parentheses even for one. */
    public static Where anyOf(List<Where> clauses) {
        if (clauses.isEmpty()) {
            throw new IllegalArgumentException("an OR chain needs at least one clause");
        }
        return new Where(
                "(" + String.join(" OR ", clauses.stream().map(w -> w.clause).toList()) + ")");
    }

    /** {@code left AND right}; an OR chain keeps its parentheses ({@link #anyOf}). */
    public static Where and(Where left, Where right) {
        return new Where(left.clause + " AND " + right.clause);
    }

    /** Both clauses, either of which may be null (no condition). */
    static Where both(Where left, Where right) {
        return left == null ? right : right == null ? left : and(left, right);
    }

    /** The clause as it goes into {@code q.where}. */
    String clause() {
        return clause;
    }

    /** A field name, checked so it cannot carry anything but a name. */
    static String field(String name) {
        if (name == null || !FIELD.matcher(name).matches()) {
            throw new IllegalArgumentException("not a Caspio field name: " + name);
        }
        return name;
    }

    /** A text literal: single-quoted, inner quotes doubled, control characters refused. */
    static String text(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException("control characters are not allowed in a query value");
            }
        }
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Where other && clause.equals(other.clause);
    }

    @Override
    public int hashCode() {
        return clause.hashCode();
    }

    /** The clause, for tests and debugging (the service's clauses hold field names, ids, keys and stamps). */
    @Override
    public String toString() {
        return clause;
    }
}
