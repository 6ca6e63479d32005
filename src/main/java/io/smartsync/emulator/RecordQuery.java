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
 */
record RecordQuery(
        List<FieldDef> select, boolean count, SqlFragment where, List<String> orderBy, int limit, long offset) {

    private static final Pattern COUNT = Pattern.compile("(?i)\\s*COUNT\\s*\\(\\s*\\*\\s*\\)\\s*");
    private static final Pattern ORDER_TERM =
            Pattern.compile("(?i)\\s*(\\[[^\\]]*\\]|[A-Za-z_][A-Za-z0-9_]*)\\s*(ASC|DESC)?\\s*");
    private static final List<String> UNSUPPORTED = List.of("q.groupBy", "q.distinct", "q.having");

    RecordQuery {
        select = List.copyOf(select);
        orderBy = List.copyOf(orderBy);
    }

    /** {@code param} answers a parameter's value, or null when it is absent or empty. */
    static RecordQuery from(TableDef table, Function<String, String> param) {
        for (String name : UNSUPPORTED) {
            if (param.apply(name) != null) {
                throw CaspioApiException.badQuery(name + " is not supported by the emulator.");
            }
        }
        String select = param.apply("q.select");
        boolean count = select != null && COUNT.matcher(select).matches();
        List<FieldDef> columns = select == null || count ? List.of() : fieldList(table, select);
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
        return new RecordQuery(columns, count, where, orderBy(table, param.apply("q.orderBy")), limit, offset);
    }

    private static List<FieldDef> fieldList(TableDef table, String select) {
        List<FieldDef> fields = new ArrayList<>();
        for (String part : select.split(",", -1)) {
            String name = unbracket(part.strip());
            fields.add(table.field(name)
                    .orElseThrow(() -> CaspioApiException.badQuery(
                            "q.select: unknown field '" + name + "' in table " + table.name() + ".")));
        }
        return fields;
    }

    private static List<String> orderBy(TableDef table, String orderBy) {
        if (orderBy == null) {
            return List.of(table.pk().column() + " ASC"); // UNCONFIRMED default order, see CaspioRules
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
