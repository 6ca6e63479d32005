package io.smartsync.caspio;

import io.smartsync.note.MemberId;
import java.util.List;

/**
 * The rows a key listing covers: one member's, those of a group of members (an OR chain that fits one
 * request, see {@link NotesTable#memberGroups}), or the whole table's. Immutable.
 */
public final class Scope {
    private static final Scope TABLE = new Scope(null, false);

    private final List<MemberId> members;
    private final boolean group;

    private Scope(List<MemberId> members, boolean group) {
        this.members = members;
        this.group = group;
    }

    public static Scope member(MemberId member) {
        return new Scope(List.of(member), false);
    }

    /** The rows of any of {@code members}, which must not be empty. */
    public static Scope members(List<MemberId> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a group of members needs at least one member");
        }
        return new Scope(List.copyOf(members), true);
    }

    public static Scope table() {
        return TABLE;
    }

    /** The clause that selects the scope's rows, or null for the table. */
    Where where(NoteRowMapper mapper) {
        if (members == null) {
            return null;
        }
        return group
                ? Where.anyOf(members.stream().map(mapper::memberClause).toList())
                : mapper.memberClause(members.getFirst());
    }

    @Override
    public String toString() {
        return members == null
                ? "the table"
                : group ? members.size() + " members" : members.getFirst().toString();
    }
}
