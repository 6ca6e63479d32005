package io.smartsync.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random {@code q.where} clauses from one seed: valid ones over PK_ID (numbers) and Client_ID2 (text)
 * whose meaning is known here, so the rows they select can be computed in Java, and hostile ones.
 */
final class WhereGenerator {

    static final String PK = "PK_ID";
    static final String MEMBER = "Client_ID2";

    /** Member values the rows are given; null and '' included on purpose. */
    static final List<String> MEMBERS = Arrays.asList(
            "CL000001",
            "CL000002",
            "cl000002",
            "CL000010",
            "12345",
            "O'Brien",
            "o'brien",
            "",
            "abc",
            "ABD",
            "zeta",
            "Zeta ",
            null,
            "a_b",
            "a%b");

    private static final List<String> OPS = List.of("=", "<>", "!=", "<", "<=", ">", ">=");
    private static final String TEXT_CHARS = "abcABCdlLo0123'_% ";
    private static final List<String> HOSTILE_TOKENS = List.of(
            "SELECT",
            "*",
            "FROM",
            "sqlite_master",
            ";",
            "--",
            "/*",
            "*/",
            "'",
            "''",
            "\"",
            "`",
            "[",
            "]",
            "[[",
            "]]",
            "(",
            ")",
            "((",
            "))",
            ",",
            "AND",
            "OR",
            "NOT",
            "NULL",
            "IS",
            "IN",
            "LIKE",
            "ESCAPE",
            "BETWEEN",
            "=",
            "==",
            "<>",
            "!=",
            "<",
            ">=",
            "!",
            "~",
            "|",
            "||",
            "&",
            "^",
            "+",
            "-",
            "/",
            "%",
            "_",
            "?",
            ":1",
            "@p",
            "$1",
            "\\",
            "PK_ID",
            "Client_ID2",
            "[PK_ID]",
            "[Client_ID2]",
            "Comments",
            "rowid",
            "oid",
            "DROP TABLE connect_tbl_clientnotes",
            "UNION SELECT",
            "0x1F",
            "1e400",
            "1E-9",
            "1.",
            ".5",
            "-0",
            "99999999999999999999999999999999",
            "9223372036854775808",
            "-9223372036854775809",
            "N'",
            "N'x'",
            "'x'",
            "X'00'",
            "CAST(",
            "COLLATE",
            "NOCASE",
            "glob",
            "match",
            "regexp",
            "CASE",
            "WHEN",
            "END",
            "🙂",
            "é",
            "Ａ",
            "ＡＮＤ",
            "\u0000",
            "\u0007",
            "\t",
            "\n",
            "\r",
            "\u202e",
            "\u200b",
            "\ufeff",
            "\ud800",
            "ǅ",
            "İ",
            "ß");

    private final Random random;

    WhereGenerator(long seed) {
        this.random = new Random(seed);
    }

    // ---- valid clauses ----

    WhereMeaning cond(int depth) {
        int pick = random.nextInt(depth <= 0 ? 6 : 10);
        return switch (pick) {
            case 0, 1 -> new WhereMeaning.Compare(PK, pick(OPS), (long) (random.nextInt(50) - 3));
            case 2 -> new WhereMeaning.Compare(MEMBER, pick(OPS), text());
            case 3 -> new WhereMeaning.IsNull(random.nextBoolean());
            case 4 -> random.nextBoolean() ? pkIn() : memberIn();
            case 5 -> new WhereMeaning.Like(likePattern(), random.nextInt(4) == 0);
            case 6, 7 -> new WhereMeaning.And(cond(depth - 1), cond(depth - 1));
            case 8 -> new WhereMeaning.Or(cond(depth - 1), cond(depth - 1));
            default -> new WhereMeaning.Not(cond(depth - 1));
        };
    }

    /** The clause as text, with random letter case, spacing, brackets and optional parentheses. */
    String render(WhereMeaning cond) {
        return render(cond, 0);
    }

    private String render(WhereMeaning cond, int parent) {
        int own = switch (cond) {
            case WhereMeaning.Or o -> 1;
            case WhereMeaning.And a -> 2;
            case WhereMeaning.Not n -> 3;
            default -> 4;
        };
        String text = switch (cond) {
            case WhereMeaning.Or o -> render(o.left(), 1) + sp() + kw("OR") + sp() + render(o.right(), 1);
            case WhereMeaning.And a -> render(a.left(), 2) + sp() + kw("AND") + sp() + render(a.right(), 2);
            case WhereMeaning.Not n -> kw("NOT") + " " + render(n.inner(), 3);
            case WhereMeaning.Compare c -> field(c.field()) + sp0() + c.op() + sp0() + literal(c.literal());
            case WhereMeaning.IsNull n ->
                field(MEMBER) + sp() + kw("IS") + (n.negated() ? " " + kw("NOT") : "") + " " + kw("NULL");
            case WhereMeaning.In in ->
                field(in.field()) + (in.negated() ? " " + kw("NOT") : "") + " " + kw("IN") + sp0() + "("
                        + String.join(
                                "," + sp0(),
                                in.options().stream().map(this::literal).toList()) + ")";
            case WhereMeaning.Like l ->
                field(MEMBER) + (l.negated() ? " " + kw("NOT") : "") + " " + kw("LIKE") + " " + literal(l.pattern());
        };
        boolean needed = own < parent;
        return needed || (own < 4 && random.nextInt(4) == 0) ? "(" + sp0() + text + sp0() + ")" : text;
    }

    // ---- hostile clauses ----

    String hostile(WhereMeaning valid) {
        return switch (random.nextInt(8)) {
            case 0, 1, 2 -> mutate(render(valid));
            case 3 -> soup();
            case 4 -> nesting(render(valid));
            case 5 -> hugeNumber();
            case 6 -> unicode();
            default ->
                render(valid) + pick(List.of("; DROP TABLE x", " --", ";", " /* x */", "' OR '1'='1", " OR 1=1"));
        };
    }

    private String mutate(String text) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = s.isEmpty() ? 0 : random.nextInt(s.length());
            switch (random.nextInt(5)) {
                case 0 -> {
                    if (!s.isEmpty()) {
                        s.deleteCharAt(at);
                    }
                }
                case 1 -> s.insert(at, pick(HOSTILE_TOKENS));
                case 2 -> s.insert(at, (char) random.nextInt(128));
                case 3 -> s.insert(at, s.substring(at, Math.min(s.length(), at + random.nextInt(8))));
                default -> s.setLength(at);
            }
        }
        return s.toString();
    }

    private String soup() {
        StringBuilder s = new StringBuilder();
        int n = 1 + random.nextInt(15);
        for (int i = 0; i < n; i++) {
            s.append(pick(HOSTILE_TOKENS)).append(pick(List.of("", " ", " ", "\t", "\n")));
        }
        return s.toString();
    }

    private String nesting(String inner) {
        int open = 30 + random.nextInt(300);
        int close = random.nextInt(4) == 0 ? open - 1 : open;
        return random.nextBoolean()
                ? "(".repeat(open) + inner + ")".repeat(close)
                : (kw("NOT") + " ").repeat(open) + inner;
    }

    private String hugeNumber() {
        StringBuilder digits = new StringBuilder().append(1 + random.nextInt(9));
        int length = 18 + random.nextInt(400);
        for (int i = 0; i < length; i++) {
            digits.append(random.nextInt(10));
        }
        if (random.nextBoolean()) {
            digits.append('.').append(random.nextInt(1000));
        }
        String field = pick(List.of(PK, MEMBER, "Follow_Up_Date", "Time_Stamp"));
        return field + " " + pick(OPS) + " " + (random.nextBoolean() ? "-" : "") + digits;
    }

    private String unicode() {
        StringBuilder s = new StringBuilder(pick(List.of("", "Client_ID2 = '", "PK_ID = ", "[")));
        int n = 1 + random.nextInt(30);
        for (int i = 0; i < n; i++) {
            int cp = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> 0x80 + random.nextInt(0x780);
                case 2 -> 0x1F300 + random.nextInt(0x300);
                default -> random.nextInt(0x110000);
            };
            if (Character.isValidCodePoint(cp)) {
                s.appendCodePoint(cp);
            }
        }
        return s.toString();
    }

    // ---- pieces ----

    private WhereMeaning.In pkIn() {
        List<Object> options = new ArrayList<>();
        int n = 1 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            options.add((long) (random.nextInt(50) - 3));
        }
        return new WhereMeaning.In(PK, options, random.nextBoolean());
    }

    private WhereMeaning.In memberIn() {
        List<Object> options = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            options.add(text());
        }
        return new WhereMeaning.In(MEMBER, options, random.nextBoolean());
    }

    private String text() {
        if (random.nextInt(3) > 0) {
            String member = MEMBERS.get(random.nextInt(MEMBERS.size()));
            if (member != null) {
                return random.nextBoolean() ? member : member.toUpperCase(Locale.ROOT);
            }
        }
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(7);
        for (int i = 0; i < n; i++) {
            s.append(TEXT_CHARS.charAt(random.nextInt(TEXT_CHARS.length())));
        }
        return s.toString();
    }

    private String likePattern() {
        return switch (random.nextInt(4)) {
            case 0 -> "cl%";
            case 1 -> "%" + text() + "%";
            case 2 -> text();
            default -> text() + "_" + text();
        };
    }

    private String literal(Object value) {
        if (value instanceof Long n) {
            return n < 0 && random.nextBoolean() ? "- " + (-n) : n.toString();
        }
        String quoted = "'" + ((String) value).replace("'", "''") + "'";
        return random.nextInt(5) == 0 ? "N" + quoted : quoted;
    }

    private String field(String name) {
        return switch (random.nextInt(4)) {
            case 0 -> "[" + name + "]";
            case 1 -> name.toLowerCase(Locale.ROOT);
            default -> name;
        };
    }

    private String kw(String keyword) {
        return switch (random.nextInt(3)) {
            case 0 -> keyword.toLowerCase(Locale.ROOT);
            case 1 -> keyword.charAt(0) + keyword.substring(1).toLowerCase(Locale.ROOT);
            default -> keyword;
        };
    }

    private String sp() {
        return random.nextInt(6) == 0 ? "  " : " ";
    }

    private String sp0() {
        return random.nextInt(3) == 0 ? " " : "";
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
