package io.smartsync.caspio;

import io.smartsync.note.CaspioStamp;
import io.smartsync.note.InvalidInputException;
import io.smartsync.note.MemberId;
import io.smartsync.note.Note;
import io.smartsync.note.Position;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The notes table in Caspio, typed: the reads and writes the sync engine makes, in notes, keys and counts.
 * Every clause is built here from {@link Where}'s factories and every row is read by {@link NoteRowMapper},
 * so the engine never sees a {@code q.where} text or a raw row. Each operation sends exactly the request
 * (or the pages of requests) it names; their count and size are what the benchmarks measure. Stateless
 * apart from its collaborators; thread-safe.
 */
public final class NotesTable {
    private final CaspioClient caspio;
    private final NoteRowMapper mapper;
    private final NoteFields f;
    private final String table;

    public NotesTable(CaspioClient caspio, NoteRowMapper mapper) {
        this.caspio = caspio;
        this.mapper = mapper;
        this.f = mapper.fields();
        this.table = f.table();
    }

    /** The table's name in Caspio. */
    public String name() {
        return table;
    }

    /** See {@link CaspioClient#pausedFor()}. */
    public Duration pausedFor() {
        return caspio.pausedFor();
    }

    /** What the table's fields allow: its cursor field and zone, the sync-id field, the member type. */
    public TableShape shape() {
        return mapper.shape();
    }

    /** One member's rows strictly after {@code from}, in (update stamp, {@code PK_ID}) pages. */
    public Iterator<List<Note>> memberRows(MemberId member, Position from, int pageSize) {
        return notes(caspio.pages(table, mapper.memberClause(member), f.updateStamp(), f.pk(), from, pageSize));
    }

    /** Every row of the table strictly after {@code from}, in (update stamp, {@code PK_ID}) pages. */
    public Iterator<List<Note>> rows(Position from, int pageSize) {
        return notes(caspio.pages(table, null, f.updateStamp(), f.pk(), from, pageSize));
    }

    /** {@link #rows The same pages} with keys, members and stamps only: the poll's first read. */
    public Iterator<List<RowKey>> keys(Position from, int pageSize) {
        return map(caspio.pages(table, mapper.keyFields(), null, f.updateStamp(), f.pk(), from, pageSize), this::keyOf);
    }

    /** The last row in (update stamp, {@code PK_ID}) order, keys only; empty for an empty table. */
    public Optional<RowKey> newestKey() {
        return caspio
                .select(table, mapper.keyFields(), null, f.updateStamp() + " DESC, " + f.pk() + " DESC", 1)
                .stream()
                .findFirst()
                .map(this::keyOf);
    }

    /** The full rows of these keys (those still there), in as few OR-chain reads as fit the URI limit. */
    public List<Note> rowsByPk(List<Long> pks) {
        List<Note> rows = new ArrayList<>(pks.size());
        for (List<Long> group :
                caspio.orGroups(table, null, null, pks, mapper::keyClause, null, CaspioClient.MAX_PAGE)) {
            Where where = Where.anyOf(group.stream().map(mapper::keyClause).toList());
            caspio.select(table, where, null, CaspioClient.MAX_PAGE).forEach(r -> rows.add(mapper.fromRow(r)));
        }
        return rows;
    }

    /** The row with this key, if Caspio has it. */
    public Optional<Note> rowByPk(long pk) {
        return caspio.select(table, Where.eq(f.pk(), pk), null, 1).stream()
                .findFirst()
                .map(mapper::fromRow);
    }

    /** How many rows the table holds. */
    public long count() {
        return caspio.count(table, null);
    }

    /** How many rows the member has. */
    public long count(MemberId member) {
        return caspio.count(table, mapper.memberClause(member));
    }

    /**
     * The chains of the delete check: {@code members} in groups whose OR chain, bounded by {@code PK_ID} of at
     * most {@code pkAtMost}, fits one grouped count ({@link #countsByMember}); the total of such a group
     * ({@link #countOf}) is a shorter request, so it fits too. The groups keep the members' order.
     */
    public List<List<MemberId>> countGroups(List<MemberId> members, long pkAtMost) {
        // The group-by parameter is as long as an order-by on the same field: orGroups leaves room for it.
        return caspio.orGroups(
                table,
                f.member() + ",COUNT(*)",
                f.member(),
                members,
                mapper::memberClause,
                Where.atMost(f.pk(), pkAtMost),
                CaspioClient.MAX_PAGE);
    }

    /**
     * How many rows {@code members} have together with a {@code PK_ID} of at most {@code pkAtMost}: one
     * {@code COUNT(*)} without {@code q.groupBy}, whose answer is a single number whatever the group's size.
     * The members must fit one request (a group of {@link #countGroups}).
     */
    public long countOf(List<MemberId> members, long pkAtMost) {
        return caspio.count(table, chainAtMost(members, pkAtMost));
    }

    /**
     * How many rows each of {@code members} has with a {@code PK_ID} of at most {@code pkAtMost}, by grouped
     * counts ({@code q.groupBy}), one request per group of {@link #countGroups}; a member without rows is 0.
     */
    public Map<MemberId, Long> countsByMember(List<MemberId> members, long pkAtMost) {
        Map<MemberId, Long> counts = new LinkedHashMap<>();
        members.forEach(m -> counts.put(m, 0L));
        for (List<MemberId> group : countGroups(members, pkAtMost)) {
            caspio.countBy(table, f.member(), chainAtMost(group, pkAtMost)).forEach((member, n) -> {
                if (member != null) { // rows without a member are nobody's notes here
                    counts.put(mapper.memberOf(Collections.singletonMap(f.member(), member)), n);
                }
            });
        }
        return counts;
    }

    private Where chainAtMost(List<MemberId> members, long pkAtMost) {
        return Where.and(
                Where.anyOf(members.stream().map(mapper::memberClause).toList()), Where.atMost(f.pk(), pkAtMost));
    }

    /** How many rows of the table are strictly after {@code from} (every row from the start). */
    public long countAfter(Position from) {
        return caspio.count(table, from.stamp() == null ? null : Where.after(f.updateStamp(), f.pk(), from));
    }

    /** Up to {@code limit} keys of the scope's rows above {@code after}, ascending. */
    public List<Long> pksAbove(Scope scope, long after, int limit) {
        Where where = Where.both(scope.where(mapper), Where.above(f.pk(), after));
        return caspio.select(table, f.pk(), where, f.pk() + " ASC", limit).stream()
                .map(this::pk)
                .toList();
    }

    /**
     * {@code members} in groups whose {@link Scope#members scope} fits one {@link #pksAbove} request (at any
     * key), in their order.
     */
    public List<List<MemberId>> memberGroups(List<MemberId> members) {
        Where longestStep = Where.above(f.pk(), Long.MAX_VALUE);
        return caspio.orGroups(
                table, f.pk(), f.pk() + " ASC", members, mapper::memberClause, longestStep, Integer.MAX_VALUE);
    }

    /**
     * The row a create of {@code note} made, if there is one: by its sync id, or on a table without that
     * field by the note id this service also writes into {@code Note_ID}, within the member's rows.
     */
    public Optional<Note> created(Note note) {
        Where where = shape().syncIdAvailable()
                ? Where.eq(f.syncId(), note.noteId())
                : Where.and(mapper.memberClause(note.member()), Where.eq(f.noteId(), note.noteId()));
        return caspio.select(table, where, null, 2).stream().findFirst().map(mapper::fromRow);
    }

    /** Creates the note's row and answers it as Caspio stored it. */
    public Note insert(Note note) {
        return mapper.fromRow(caspio.insert(table, mapper.toCreateFields(note)));
    }

    /**
     * Writes the note's editable fields to row {@code pk} if its update stamp is still {@code baseStamp}
     * (null: unconditionally); answers how many rows changed (0: the row moved on or is gone).
     */
    public int update(long pk, String baseStamp, Note note) {
        return caspio.update(table, conditional(pk, baseStamp), mapper.toUpdateFields(note));
    }

    /** Deletes row {@code pk} if its update stamp is still {@code baseStamp} (null: unconditionally). */
    public int delete(long pk, String baseStamp) {
        return caspio.delete(table, conditional(pk, baseStamp));
    }

    /**
     * The {@code PK_ID}s that rows of a webhook message name, in their order.
     *
     * @throws InvalidInputException when a row names none
     */
    public List<Long> pksNamedBy(List<Map<String, Object>> rows) {
        List<Long> pks = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            if (!(row.get(f.pk()) instanceof Number pk)) {
                throw new InvalidInputException("a webhook row names no " + f.pk());
            }
            pks.add(pk.longValue());
        }
        return pks;
    }

    /** Caspio's clock minus this service's, from the {@code Date} header of its latest answer. */
    public Duration clockOffset() {
        return caspio.clockOffset();
    }

    /** Starts counting the calls this thread makes until the tally is closed. */
    public Tally tally() {
        return caspio.tally();
    }

    private Where conditional(long pk, String stamp) {
        Where byPk = Where.eq(f.pk(), pk);
        return stamp == null ? byPk : Where.and(byPk, Where.eq(f.updateStamp(), CaspioStamp.parse(stamp)));
    }

    private RowKey keyOf(Map<String, Object> row) {
        Object stamp = row.get(f.updateStamp());
        return new RowKey(mapper.memberOf(row), Position.of(stamp == null ? null : stamp.toString(), pk(row)));
    }

    private long pk(Map<String, Object> row) {
        return ((Number) row.get(f.pk())).longValue();
    }

    private Iterator<List<Note>> notes(Iterator<List<Map<String, Object>>> pages) {
        return map(pages, mapper::fromRow);
    }

    private static <T> Iterator<List<T>> map(
            Iterator<List<Map<String, Object>>> pages, Function<Map<String, Object>, T> each) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pages.hasNext();
            }

            @Override
            public List<T> next() {
                List<Map<String, Object>> page = pages.next();
                List<T> out = new ArrayList<>(page.size());
                page.forEach(r -> out.add(each.apply(r)));
                return out;
            }
        };
    }
}
