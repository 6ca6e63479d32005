package io.smartsync.emulator;

import java.util.Locale;

/** One lexical unit of a {@code q.where} clause, with its 0-based position for error messages. */
record WhereToken(Kind kind, String text, int position) {

    enum Kind {
        IDENTIFIER,
        BRACKETED_IDENTIFIER,
        STRING,
        NUMBER,
        OPERATOR,
        MINUS,
        LEFT_PAREN,
        RIGHT_PAREN,
        COMMA,
        END
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    /** How the token reads in an error message; string literals are not echoed (they may hold PHI). */
    String describe() {
        return switch (kind) {
            case END -> "the end of the clause";
            case STRING -> "a text literal";
            case IDENTIFIER -> isReserved() ? text.toUpperCase(Locale.ROOT) : "'" + text + "'";
            case BRACKETED_IDENTIFIER -> "[" + text + "]";
            default -> "'" + text + "'";
        };
    }

    private boolean isReserved() {
        return WhereLexer.KEYWORDS.contains(text.toUpperCase(Locale.ROOT));
    }

    /** 1-based, as a person counts characters. */
    int column() {
        return position + 1;
    }
}
