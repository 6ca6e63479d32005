package io.smartsync.emulator;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a generated {@code q.where} clause means, evaluated in Java with SQL's three-valued logic (null is
 * UNKNOWN) and SQLite's ASCII-only case folding, so a test can compute the rows the emulator must return.
 */
sealed interface WhereMeaning {

    String MEMBER = WhereGenerator.MEMBER;

    Boolean eval(Map<String, Object> row);

    record Compare(String field, String op, Object literal) implements WhereMeaning {
        public Boolean eval(Map<String, Object> row) {
            Object value = row.get(field);
            if (value == null) {
                return null;
            }
            int c = value instanceof Number n
                    ? Long.compare(n.longValue(), (Long) literal)
                    : WhereMeaning.nocase((String) value).compareTo(WhereMeaning.nocase((String) literal));
            return switch (op) {
                case "=" -> c == 0;
                case "<>", "!=" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> throw new IllegalStateException(op);
            };
        }
    }

    record IsNull(boolean negated) implements WhereMeaning {
        public Boolean eval(Map<String, Object> row) {
            return (row.get(MEMBER) == null) != negated;
        }
    }

    record In(String field, List<Object> options, boolean negated) implements WhereMeaning {
        public Boolean eval(Map<String, Object> row) {
            Object value = row.get(field);
            if (value == null) {
                return null;
            }
            boolean found = options.stream()
                    .anyMatch(o -> value instanceof Number n
                            ? n.longValue() == (Long) o
                            : WhereMeaning.nocase((String) value).equals(WhereMeaning.nocase((String) o)));
            return found != negated;
        }
    }

    record Like(String pattern, boolean negated) implements WhereMeaning {
        public Boolean eval(Map<String, Object> row) {
            Object value = row.get(MEMBER);
            if (value == null) {
                return null;
            }
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                regex.append(
                        switch (c) {
                            case '%' -> ".*";
                            case '_' -> ".";
                            default -> Pattern.quote(String.valueOf(c));
                        });
            }
            boolean matches = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL)
                    .matcher((String) value)
                    .matches();
            return matches != negated;
        }
    }

    record And(WhereMeaning left, WhereMeaning right) implements WhereMeaning {
        public Boolean eval(Map<String, Object> row) {
            Boolean l = left.eval(row);
            Boolean r = right.eval(row);
            if (Boolean.FALSE.equals(l) || Boolean.FALSE.equals(r)) {
                return false;
            }
            return l == null || r == null ? null : true;
        }
    }

    record Or(WhereMeaning left, WhereMeaning right) implements WhereMeaning {
        public Boolean eval(Map<String, Object> row) {
            Boolean l = left.eval(row);
            Boolean r = right.eval(row);
            if (Boolean.TRUE.equals(l) || Boolean.TRUE.equals(r)) {
                return true;
            }
            return l == null || r == null ? null : false;
        }
    }

    record Not(WhereMeaning inner) implements WhereMeaning {
        public Boolean eval(Map<String, Object> row) {
            Boolean v = inner.eval(row);
            return v == null ? null : !v;
        }
    }

    static String nocase(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return folded.toString();
    }
}
