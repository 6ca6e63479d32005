package io.smartsync.emulator;

import io.smartsync.emulator.WhereExpr.Operand;
import io.smartsync.emulator.WhereToken.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recursive-descent parser for the SQL Server {@code WHERE} subset Caspio clients send:
 *
 * <pre>
 * expr      := and ( OR and )*
 * and       := not ( AND not )*
 * not       := NOT not | predicate
 * predicate := '(' expr ')' | operand ( compOp operand | [NOT] LIKE operand
 *              | [NOT] IN '(' literal ( ',' literal )* ')' | IS [NOT] NULL )
 * operand   := field | [field] | 'text' | N'text' | [-]number
 * </pre>
 */
final class WhereParser {

    /** Deeper nesting is no real query; the cap keeps hostile input from exhausting the stack. */
    static final int MAX_DEPTH = 64;

    private final TableDef table;
    private final List<WhereToken> tokens;
    private int next;
    private int depth;

    private WhereParser(TableDef table, List<WhereToken> tokens) {
        this.table = table;
        this.tokens = tokens;
    }

    static WhereExpr parse(TableDef table, String text) {
        WhereParser parser = new WhereParser(table, WhereLexer.tokenize(text));
        WhereExpr expr = parser.or();
        WhereToken rest = parser.peek();
        if (rest.kind() != Kind.END) {
            throw error("expected AND, OR or the end of the clause but found " + rest.describe(), rest);
        }
        return expr;
    }

    private WhereExpr or() {
        WhereExpr left = and();
        while (peek().isKeyword("OR")) {
            next++;
            left = new WhereExpr.Or(left, and());
        }
        return left;
    }

    private WhereExpr and() {
        WhereExpr left = not();
        while (peek().isKeyword("AND")) {
            next++;
            left = new WhereExpr.And(left, not());
        }
        return left;
    }

    private WhereExpr not() {
        if (peek().isKeyword("NOT")) {
            WhereToken not = take();
            enter(not);
            WhereExpr inner = new WhereExpr.Not(not());
            depth--;
            return inner;
        }
        return predicate();
    }

    private WhereExpr predicate() {
        if (peek().kind() == Kind.LEFT_PAREN) {
            WhereToken open = take();
            enter(open);
            WhereExpr inner = or();
            expect(Kind.RIGHT_PAREN, "')' to close the '(' at character " + open.column());
            depth--;
            return inner;
        }
        Operand left = operand();
        WhereToken token = take();
        if (token.isKeyword("IS")) {
            boolean negated = peek().isKeyword("NOT");
            if (negated) {
                next++;
            }
            WhereToken nullToken = take();
            if (!nullToken.isKeyword("NULL")) {
                throw error(
                        "expected NULL after IS" + (negated ? " NOT" : "") + " but found " + nullToken.describe(),
                        nullToken);
            }
            return new WhereExpr.IsNull(left, negated);
        }
        boolean negated = token.isKeyword("NOT");
        if (negated) {
            token = take();
        }
        if (token.isKeyword("LIKE")) {
            return new WhereExpr.Like(left, operand(), negated);
        }
        if (token.isKeyword("IN")) {
            return new WhereExpr.In(left, inList(), negated);
        }
        if (!negated && token.kind() == Kind.OPERATOR) {
            String op = token.text().equals("!=") ? "<>" : token.text();
            return new WhereExpr.Compare(left, op, operand());
        }
        throw error(
                (negated ? "expected LIKE or IN after NOT" : "expected a comparison (=, <>, <, LIKE, IN, IS NULL …)")
                        + " but found " + token.describe(),
                token);
    }

    private List<Operand> inList() {
        expect(Kind.LEFT_PAREN, "'(' after IN");
        List<Operand> options = new ArrayList<>();
        while (true) {
            WhereToken start = peek();
            Operand option = operand();
            if (option instanceof WhereExpr.Field) {
                throw error("IN (…) takes values, not field names", start);
            }
            options.add(option);
            if (peek().kind() != Kind.COMMA) {
                break;
            }
            next++;
        }
        expect(Kind.RIGHT_PAREN, "',' or ')' in the IN list");
        return options;
    }

    private Operand operand() {
        WhereToken token = take();
        return switch (token.kind()) {
            case STRING -> new WhereExpr.Text(token.text(), token.position());
            case NUMBER -> new WhereExpr.Number(new BigDecimal(token.text()), token.position());
            case MINUS -> {
                WhereToken number = take();
                if (number.kind() != Kind.NUMBER) {
                    throw error("expected a number after '-' but found " + number.describe(), number);
                }
                yield new WhereExpr.Number(new BigDecimal(number.text()).negate(), token.position());
            }
            case BRACKETED_IDENTIFIER -> field(token);
            case IDENTIFIER -> {
                if (token.isKeyword("NULL")) {
                    throw error("NULL can only be tested with IS NULL or IS NOT NULL", token);
                }
                if (WhereLexer.KEYWORDS.contains(token.text().toUpperCase(Locale.ROOT))) {
                    throw error("expected a field name or a value but found " + token.describe(), token);
                }
                yield field(token);
            }
            default -> throw error("expected a field name or a value but found " + token.describe(), token);
        };
    }

    private WhereExpr.Field field(WhereToken token) {
        FieldDef def = table.field(token.text())
                .orElseThrow(() -> error("unknown field " + token.describe() + " in table " + table.name(), token));
        return new WhereExpr.Field(def, token.position());
    }

    private void enter(WhereToken token) {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels", token);
        }
    }

    private void expect(Kind kind, String what) {
        WhereToken token = take();
        if (token.kind() != kind) {
            throw error("expected " + what + " but found " + token.describe(), token);
        }
    }

    private WhereToken peek() {
        return tokens.get(next);
    }

    private WhereToken take() {
        WhereToken token = tokens.get(next);
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }

    private static CaspioApiException error(String what, WhereToken at) {
        return CaspioApiException.badQuery("q.where: " + what + " at character " + at.column() + ".");
    }
}
