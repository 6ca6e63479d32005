package io.smartsync.note;

/**
 * A place in Caspio's (update stamp, {@code PK_ID}) order, the order every pull and poll reads in: a null
 * stamp is before every row. Stamps compare as {@link CaspioStamp} values, never as text.
 */
public record Position(CaspioStamp stamp, long pk) implements Comparable<Position> {
    public static final Position START = new Position(null, 0);

    /** The position of a stamp as Caspio wrote it (null: the start) and a key. */
    public static Position of(String stamp, long pk) {
        return new Position(CaspioStamp.parseOrNull(stamp), pk);
    }

    @Override
    public int compareTo(Position other) {
        int c = CaspioStamp.NULLS_FIRST.compare(stamp, other.stamp);
        return c != 0 ? c : Long.compare(pk, other.pk);
    }

    public boolean isAfter(Position other) {
        return compareTo(other) > 0;
    }
}
