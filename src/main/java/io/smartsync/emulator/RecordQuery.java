package io.smartsync.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GET parameters of a records call, checked against the table. An empty parameter counts as
 * absent, because public clients send {@code q.where=&q.orderBy=}.
 *
 * @param select the fields to answer, empty for all; with {@code groupBy}, the group fields to answer
 * @param count {@code COUNT(*)} is selected: alone it answers the number of rows, with {@code groupBy}
 *     the size of each group
 * @param groupBy the fields to group by, empty for no grouping
 */
record RecordQuery(
        List<FieldDef> select,
        boolean count,
        List<FieldDef> groupBy,
        SqlFragment where,
        List<String> orderBy,
        int limit,
        long offset) {

    static final String COUNT_COLUMN = "COUNT(*)";

    private static final Pattern COUNT = Pattern.compile("(?i)\\s*COUNT\\s*\\(\\s*\\*\\s*\\)\\s*");
    private static final Pattern ORDER_TERM =
            Pattern.compile("(?i)\\s*(\\[[^\\]]*\\]|[A-Za-z_][A-Za-z0-9_]*)\\s*(ASC|DESC)?\\s*");
    private static final List<String> UNSUPPORTED = List.of("q.distinct", "q.having");

    RecordQuery {
        select = List.copyOf(select);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
    }

    /** A query for every row in PK_ID order, for the emulator's own hooks. */
    static RecordQuery all(TableDef table) {
        return new RecordQuery(
                List.of(), false, List.of(), null, List.of(table.pk().column() + " ASC"), Integer.MAX_VALUE, 0);
    }

    boolean grouped() {
        return !groupBy.isEmpty();
    }

    /** Just the number of matching rows: {@code q.select=COUNT(*)} without grouping. */
    boolean countOnly() {
        return count && !grouped();
    }

    /** {@code param} answers a parameter's value, or null when it is absent or empty. */
    static RecordQuery from(TableDef table, Function<String, String> param) {
        for (String name : UNSUPPORTED) {
            if (param.apply(name) != null) {
                throw CaspioApiException.badQuery(name + " is not supported by the emulator.");
            }
        }
        List<FieldDef> groupBy = param.apply("q.groupBy") == null
                ? List.of()
                : fieldList(table, "q.groupBy", param.apply("q.groupBy"), false);
        String select = param.apply("q.select");
        if (select != null && select.strip().equals("*")) {
            select = null; // Caspio's help: "Select *" or an empty list answers every field
        }
        List<FieldDef> columns = select == null ? List.of() : fieldList(table, "q.select", select, true);
        boolean count = select != null && select.split(",", -1).length > columns.size();
        if (count && groupBy.isEmpty() && !columns.isEmpty()) {
            throw CaspioApiException.badQuery(
                    "q.select: COUNT(*) together with fields needs q.groupBy of those fields.");
        }
        if (!groupBy.isEmpty()) {
            if (select == null) {
                throw CaspioApiException.badQuery(
                        "q.groupBy needs q.select naming the grouped fields and, if wanted, COUNT(*).");
            }
            for (FieldDef f : columns) {
                if (!groupBy.contains(f)) {
                    throw CaspioApiException.badQuery(
                            "q.select: field '" + f.name() + "' is neither in q.groupBy nor COUNT(*).");
                }
            }
        }
        SqlFragment where = WhereCompiler.compile(table, param.apply("q.where"));
        String pageSize = param.apply("q.pageSize");
        String pageNumber = param.apply("q.pageNumber");
        int limit;
        long offset = 0;
        if (pageSize != null || pageNumber != null) {
            // A page parameter overrides q.limit, as in Caspio.
            limit = bounded("q.pageSize", pageSize, CaspioRules.DEFAULT_PAGE_SIZE, CaspioRules.MIN_PAGE_SIZE);
            offset = (bounded("q.pageNumber", pageNumber, 1, 1) - 1L) * limit;
        } else {
            limit = bounded("q.limit", param.apply("q.limit"), CaspioRules.DEFAULT_LIMIT, 1);
        }
        List<String> order = orderBy(table, groupBy, param.apply("q.orderBy"));
        return new RecordQuery(columns, count, groupBy, where, order, limit, offset);
    }

    /** Field names separated by commas; {@code COUNT(*)} items are skipped when {@code countAllowed}. */
    private static List<FieldDef> fieldList(TableDef table, String param, String list, boolean countAllowed) {
        List<FieldDef> fields = new ArrayList<>();
        for (String part : list.split(",", -1)) {
            if (countAllowed && COUNT.matcher(part).matches()) {
                continue;
            }
            String name = unbracket(part.strip());
            FieldDef field = table.field(name)
                    .orElseThrow(() -> CaspioApiException.badQuery(
                            param + ": unknown field '" + name + "' in table " + table.name() + "."));
            if (fields.contains(field)) {
                throw CaspioApiException.badQuery(param + ": field '" + field.name() + "' is named twice.");
            }
            fields.add(field);
        }
        return fields;
    }

    private static List<String> orderBy(TableDef table, List<FieldDef> groupBy, String orderBy) {
        if (orderBy == null) {
            // UNCONFIRMED default order, see CaspioRules
            return groupBy.isEmpty()
                    ? List.of(table.pk().column() + " ASC")
                    : groupBy.stream().map(f -> f.column() + " ASC").toList();
        }
        List<String> terms = new ArrayList<>();
        for (String part : orderBy.split(",", -1)) {
            Matcher m = ORDER_TERM.matcher(part);
            if (!m.matches()) {
                throw CaspioApiException.badQuery(
                        "q.orderBy: expected 'Field [ASC|DESC]' but found '" + part.strip() + "'.");
            }
            String name = unbracket(m.group(1));
            FieldDef field = table.field(name)
                    .orElseThrow(() -> CaspioApiException.badQuery(
                            "q.orderBy: unknown field '" + name + "' in table " + table.name() + "."));
            if (!groupBy.isEmpty() && !groupBy.contains(field)) {
                throw CaspioApiException.badQuery("q.orderBy: field '" + field.name() + "' is not in q.groupBy.");
            }
            String direction = m.group(2) == null ? "ASC" : m.group(2).toUpperCase(Locale.ROOT);
            terms.add(field.column() + " " + direction);
        }
        return terms;
    }

    private static int bounded(String name, String value, int absent, int min) {
        if (value == null) {
            return absent;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw CaspioApiException.badQuery(name + " must be a whole number.");
        }
        if (parsed < min) {
            throw CaspioApiException.badQuery(name + " must be at least " + min + ".");
        }
        if (name.equals("q.pageNumber")) {
            return (int) Math.min(parsed, Integer.MAX_VALUE);
        }
        return (int) Math.min(parsed, CaspioRules.MAX_ROWS_PER_CALL); // lowered, not refused: see CaspioRules
    }

    private static String unbracket(String name) {
        return name.length() >= 2 && name.startsWith("[") && name.endsWith("]")
                ? name.substring(1, name.length() - 1)
                : name;
    }
}
