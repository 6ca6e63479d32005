package io.smartsync.caspio;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.smartsync.note.Position;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.StringJoiner;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Caspio's REST API for one account: reads (with keyset paging), writes, and the table's field list.
 * Every call goes through the retry policy, the circuit breaker and the rate limit of {@link
 * CaspioPolicy}; a write is never re-sent when its first answer was lost (it comes back {@link
 * CaspioException.Kind#AMBIGUOUS}). It never logs a token, a secret or a row's values. Thread-safe.
 */
public final class CaspioClient {
    /** Caspio answers at most this many rows a call. */
    public static final int MAX_PAGE = 1000;
    /** Caspio refuses longer request URIs. */
    public static final int MAX_URI = 2047;

    private final CaspioConfig config;
    private final ObjectMapper json = new ObjectMapper();
    /** Reads an answer's rows straight from its bytes: a 1,000-row page is about 600 KB of JSON. */
    private final ObjectReader rows = json.readerFor(Rows.class);

    private final Transport transport;
    private final Resilience resilience;
    private final CaspioMeters meters;
    private volatile Consumer<Boolean> availability = online -> {};
    private volatile Consumer<List<Map<String, Object>>> rowsRead = rows -> {};

    public CaspioClient(
            CaspioConfig config, CaspioPolicy policy, HttpClient http, Clock clock, MeterRegistry registry) {
        this.config = config;
        this.meters = new CaspioMeters(registry);
        this.transport = new Transport(config, http, json, clock, meters);
        this.resilience = new Resilience(policy, online -> availability.accept(online));
    }

    /** A read: {@code q.where}, {@code q.orderBy} and {@code q.limit} (at most 1000). */
    public List<Map<String, Object>> select(String table, Where where, String orderBy, int limit) {
        return select(table, null, where, orderBy, limit);
    }

    /** A read of some fields only ({@code q.select}, e.g. {@code PK_ID}), for cheap key listings. */
    public List<Map<String, Object>> select(String table, String fields, Where where, String orderBy, int limit) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q.select", fields);
        params.put("q.where", where == null ? null : where.clause());
        params.put("q.orderBy", orderBy);
        params.put("q.limit", Integer.toString(Math.min(limit, MAX_PAGE)));
        URI uri = recordsUrl(table, params);
        Rows answer = resilience.call(
                "read " + table, () -> transport.exchange("read", "GET", uri, null, false, rows::readValue));
        List<Map<String, Object>> result = answer.result() == null ? List.of() : answer.result();
        meters.rows("read", result.size());
        if (fields == null && !result.isEmpty()) {
            rowsRead.accept(result);
        }
        return result;
    }

    /** A read's answer: {@code {"Result": [rows]}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Rows(@JsonProperty("Result") List<Map<String, Object>> result) {}

    /**
     * The rows matching {@code where} after {@code from}, in (stamp, {@code PK_ID}) order, one page of
     * {@code pageSize} rows per call. Only one page is held at a time; each step continues strictly
     * after the last row seen, so rows sharing a stamp across a page boundary are neither skipped nor
     * repeated, and rows changed meanwhile come again later with their new stamp.
     */
    public Iterator<List<Map<String, Object>>> pages(
            String table, Where where, String stampField, String pkField, Position from, int pageSize) {
        return pages(table, null, where, stampField, pkField, from, pageSize);
    }

    /**
     * {@link #pages(String, Where, String, String, Position, int) The same pages} with only {@code fields}
     * of each row ({@code q.select}; null for all), which must name {@code stampField} and {@code pkField}.
     */
    public Iterator<List<Map<String, Object>>> pages(
            String table, String fields, Where where, String stampField, String pkField, Position from, int pageSize) {
        String order = Where.field(stampField) + " ASC, " + Where.field(pkField) + " ASC";
        return new Iterator<>() {
            private Position position = from;
            private boolean done;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public List<Map<String, Object>> next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                Where after = position.stamp() != null
                        ? Where.after(stampField, pkField, position)
                        : position.pk() > 0 ? Where.afterUnstamped(stampField, pkField, position.pk()) : null;
                Where clause = Where.both(where, after);
                List<Map<String, Object>> page = select(table, fields, clause, order, pageSize);
                done = page.size() < pageSize;
                if (!page.isEmpty()) {
                    Map<String, Object> tail = page.getLast();
                    Object stamp = tail.get(stampField);
                    // Rows written before the stamp field was added (setup --apply) have none: they sort
                    // first, as NULLs do in SQL Server, and are paged by PK_ID alone before the stamped ones.
                    position = Position.of(
                            stamp == null ? null : String.valueOf(stamp), ((Number) tail.get(pkField)).longValue());
                }
                return page;
            }
        };
    }

    /**
     * Splits {@code items} into groups whose OR chain ({@link Where#anyOf}) of {@code term}s is as long as
     * one read can carry: with {@code fields}, {@code orderBy}, a page size and, when {@code andAlso} is
     * not null, {@code AND} a clause of its length, the request stays under {@link #MAX_URI}. At most
     * {@code maxTerms} items go in one group; the groups keep the items' order. {@code IN (…)} would be
     * shorter, but Caspio is not known to support it; an OR chain is plain SQL Server.
     */
    public <T> List<List<T>> orGroups(
            String table,
            String fields,
            String orderBy,
            List<T> items,
            Function<T, Where> term,
            Where andAlso,
            int maxTerms) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q.select", fields);
        params.put("q.orderBy", orderBy);
        params.put("q.limit", Integer.toString(MAX_PAGE));
        int room = MAX_URI
                - 1
                - recordsUrl(table, params).toString().length()
                - "&q.where=".length()
                - encode("()").length()
                - (andAlso == null ? 0 : encode(" AND " + andAlso.clause()).length());
        int or = encode(" OR ").length();
        List<List<T>> groups = new ArrayList<>();
        List<T> group = new ArrayList<>();
        int used = 0;
        for (T item : items) {
            int length = encode(term.apply(item).clause()).length();
            if (length > room) {
                throw new IllegalArgumentException("a term of " + length + " characters does not fit in one request");
            }
            if (!group.isEmpty() && (used + or + length > room || group.size() == maxTerms)) {
                groups.add(group);
                group = new ArrayList<>();
                used = 0;
            }
            used += (group.isEmpty() ? 0 : or) + length;
            group.add(item);
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    /**
     * {@code COUNT(*)} of the rows matching {@code where} for each value of {@code groupField} ({@code
     * q.groupBy}): one row per value that has rows, at most {@link #MAX_PAGE} of them.
     */
    public Map<Object, Long> countBy(String table, String groupField, Where where) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q.select", Where.field(groupField) + ",COUNT(*)");
        params.put("q.where", where == null ? null : where.clause());
        params.put("q.groupBy", groupField);
        params.put("q.limit", Integer.toString(MAX_PAGE));
        URI uri = recordsUrl(table, params);
        Rows answer = resilience.call(
                "count " + table, () -> transport.exchange("count", "GET", uri, null, false, rows::readValue));
        Map<Object, Long> counts = new LinkedHashMap<>();
        if (answer.result() != null) {
            answer.result().forEach(r -> counts.put(r.get(groupField), ((Number) r.get("COUNT(*)")).longValue()));
        }
        return counts;
    }

    /** {@code COUNT(*)} of the rows matching {@code where}: a cheap size for progress bars. */
    public long count(String table, Where where) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q.select", "COUNT(*)");
        params.put("q.where", where == null ? null : where.clause());
        URI uri = recordsUrl(table, params);
        return resilience
                .call("count " + table, () -> transport.exchange("count", "GET", uri, null, false))
                .path("Result")
                .path(0)
                .path("COUNT(*)")
                .asLong();
    }

    /** Creates one row and answers it as Caspio stored it ({@code response=rows}). */
    public Map<String, Object> insert(String table, Map<String, Object> fields) {
        URI uri = recordsUrl(table, Map.of("response", "rows"));
        JsonNode row = resilience
                .call("create in " + table, () -> transport.exchange("create", "POST", uri, fields, true))
                .path("Result")
                .path(0);
        if (!row.isObject()) {
            throw CaspioException.answered(
                    CaspioException.Kind.AMBIGUOUS,
                    "Caspio created a row in " + table + " but did not return it",
                    201,
                    null,
                    null);
        }
        meters.rows("create", 1);
        Map<String, Object> created = json.convertValue(row, new TypeReference<Map<String, Object>>() {});
        rowsRead.accept(List.of(created));
        return created;
    }

    /** Sets {@code fields} on the rows matching {@code where}; answers how many rows it changed. */
    public int update(String table, Where where, Map<String, Object> fields) {
        URI uri = recordsUrl(table, Map.of("q.where", where.clause()));
        return resilience
                .call("update in " + table, () -> transport.exchange("update", "PUT", uri, fields, true))
                .path("RecordsAffected")
                .asInt();
    }

    /** Deletes the rows matching {@code where}; answers how many it deleted. */
    public int delete(String table, Where where) {
        URI uri = recordsUrl(table, Map.of("q.where", where.clause()));
        return resilience
                .call("delete in " + table, () -> transport.exchange("delete", "DELETE", uri, null, true))
                .path("RecordsAffected")
                .asInt();
    }

    /** The table's fields as {@code GET /tables/{t}/fields} lists them. */
    public List<FieldInfo> fields(String table) {
        URI uri = URI.create(config.restRoot() + "/tables/" + encode(Where.field(table)) + "/fields");
        JsonNode result = resilience
                .call("fields of " + table, () -> transport.exchange("fields", "GET", uri, null, false))
                .path("Result");
        return json.convertValue(result, new TypeReference<List<FieldInfo>>() {});
    }

    /** Adds a field to the table ({@code POST /tables/{t}/fields}). */
    public void addField(String table, FieldInfo field) {
        URI uri = URI.create(config.restRoot() + "/tables/" + encode(Where.field(table)) + "/fields");
        resilience.call("add field to " + table, () -> transport.exchange("fields", "POST", uri, field, true));
    }

    /**
     * Caspio's clock minus this service's, measured from the {@code Date} header of its latest answer:
     * what turns a Caspio stamp into this service's time when the two are compared (last-write-wins).
     */
    public Duration clockOffset() {
        return transport.clockOffset();
    }

    /** Starts counting the calls this thread makes until the tally is closed. */
    public Tally tally() {
        return Tally.open();
    }

    /**
     * How long calls stay paused by the open circuit breaker; zero when a call may be sent (the first one
     * after the pause is the breaker's trial call).
     */
    public Duration pausedFor() {
        return resilience.pausedFor();
    }

    /** False while the circuit breaker is open: Caspio kept failing and calls are paused. */
    public boolean online() {
        return !resilience.breakerOpen();
    }

    /**
     * The circuit breaker as a dashboard shows it: {@code closed} (calls go through), {@code open} (calls
     * paused) or {@code half-open} (one trial call is under way).
     */
    public String breakerState() {
        return resilience.breakerState();
    }

    /** Called with false when the breaker opens and true when it closes again. */
    public void onAvailabilityChange(Consumer<Boolean> listener) {
        this.availability = listener;
    }

    /** Called with the full rows of every read (not reads of some fields) and of every create's answer. */
    public void onRowsRead(Consumer<List<Map<String, Object>>> listener) {
        this.rowsRead = listener;
    }

    /** Called with each delay the retry policy schedules (for tests and the benchmark). */
    public void onRetryScheduled(Consumer<Duration> listener) {
        resilience.onRetryScheduled(listener);
    }

    private URI recordsUrl(String table, Map<String, String> params) {
        StringJoiner query = new StringJoiner("&");
        params.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                query.add(encode(k) + "=" + encode(v));
            }
        });
        String url = config.restRoot() + "/tables/" + encode(Where.field(table)) + "/records";
        String full = query.length() == 0 ? url : url + "?" + query;
        if (full.length() > MAX_URI) {
            throw CaspioException.noAnswer(
                    CaspioException.Kind.PERMANENT,
                    "request to " + table + " would be " + full.length() + " characters long; Caspio refuses URIs over "
                            + MAX_URI,
                    null);
        }
        return URI.create(full);
    }

    /**
     * Percent-encodes {@code s} for a path segment or a query parameter: every byte but RFC 3986's unreserved
     * characters and the sub-delimiters and colon a query may carry as they are ({@code ' ( ) * , : =}).
     * Those are most of a {@code q.where}'s punctuation, so a chain of {@code Client_ID2='…'} terms is a
     * sixth shorter than with {@link java.net.URLEncoder} and more members fit one request; a server reads
     * the same value either way. What delimits or escapes a query ({@code & + # %}), spaces and everything
     * else stay encoded.
     */
    static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~'()*,:=".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
