package io.smartsync.emulator;

import io.smartsync.emulator.WhereExpr.Operand;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a parsed {@code q.where} into a SQLite condition. Only column names from the table
 * definition and fixed keywords reach the SQL text; every literal is bound, converted to the type of
 * the field it is compared with so that SQLite compares the way SQL Server would.
 */
final class WhereCompiler {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    private WhereCompiler() {}

    /** Parses and compiles a clause; blank text means no condition and gives {@code null}. */
    static SqlFragment compile(TableDef table, String where) {
        if (where == null || where.isBlank()) {
            return null;
        }
        WhereCompiler compiler = new WhereCompiler();
        compiler.expr(WhereParser.parse(table, where));
        return new SqlFragment(compiler.sql.toString(), compiler.params);
    }

    private void expr(WhereExpr expr) {
        switch (expr) {
            case WhereExpr.Or or -> binary(or.left(), " OR ", or.right());
            case WhereExpr.And and -> binary(and.left(), " AND ", and.right());
            case WhereExpr.Not not -> {
                sql.append("NOT (");
                expr(not.inner());
                sql.append(')');
            }
            case WhereExpr.Compare c -> {
                FieldDef hint = hint(c.left(), c.right());
                operand(c.left(), hint);
                sql.append(' ').append(c.op()).append(' ');
                operand(c.right(), hint);
            }
            case WhereExpr.Like like -> {
                // A pattern is text even against a date field ('2026-01%'), so no type hint.
                operand(like.value(), null);
                sql.append(like.negated() ? " NOT LIKE " : " LIKE ");
                operand(like.pattern(), null);
            }
            case WhereExpr.In in -> {
                FieldDef hint = hint(in.value(), null);
                operand(in.value(), hint);
                sql.append(in.negated() ? " NOT IN (" : " IN (");
                for (int i = 0; i < in.options().size(); i++) {
                    sql.append(i == 0 ? "" : ", ");
                    operand(in.options().get(i), hint);
                }
                sql.append(')');
            }
            case WhereExpr.IsNull isNull -> {
                operand(isNull.value(), null);
                sql.append(isNull.negated() ? " IS NOT NULL" : " IS NULL");
            }
        }
    }

    private void binary(WhereExpr left, String op, WhereExpr right) {
        sql.append('(');
        expr(left);
        sql.append(op);
        expr(right);
        sql.append(')');
    }

    private static FieldDef hint(Operand left, Operand right) {
        if (left instanceof WhereExpr.Field f) {
            return f.def();
        }
        return right instanceof WhereExpr.Field f ? f.def() : null;
    }

    private void operand(Operand operand, FieldDef hint) {
        if (operand instanceof WhereExpr.Field f) {
            sql.append(f.def().column());
        } else {
            sql.append('?');
            params.add(literal(operand, hint));
        }
    }

    private static Object literal(Operand literal, FieldDef hint) {
        FieldType type = hint == null ? null : hint.type();
        if (literal instanceof WhereExpr.Number n) {
            if (type != null && type.temporal()) {
                throw mismatch(literal, hint, "a date-time in quotes such as '2026-01-17T10:30:00'");
            }
            if (type != null && type.textual()) {
                return n.value().toPlainString(); // UNCONFIRMED, see CaspioRules
            }
            return number(n.value());
        }
        String text = ((WhereExpr.Text) literal).value();
        if (type == null || type.textual()) {
            return text;
        }
        if (type.temporal()) {
            return DateTimes.parse(text)
                    .map(DateTimes::comparable)
                    .orElseThrow(() -> mismatch(literal, hint, "a date-time such as '2026-01-17T10:30:00'"));
        }
        if (type == FieldType.YES_NO) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "1", "true" -> 1;
                case "0", "false" -> 0;
                default -> throw mismatch(literal, hint, "1, 0, 'true' or 'false'");
            };
        }
        try {
            return number(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            throw mismatch(literal, hint, "a number");
        }
    }

    private static Object number(BigDecimal value) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException notWhole) {
            return value.doubleValue();
        }
    }

    private static CaspioApiException mismatch(Operand literal, FieldDef field, String expected) {
        return CaspioApiException.badQuery(
                "q.where: field " + field.name() + " (" + field.type().caspioName()
                        + ") is compared with a value that is not " + expected + " at character "
                        + (literal.position() + 1) + ".");
    }
}
