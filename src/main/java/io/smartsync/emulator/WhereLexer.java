package io.smartsync.emulator;

import io.smartsync.emulator.WhereToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a {@code q.where} clause into tokens. Anything outside the supported subset (statement
 * separators, comments, other quote styles) is refused here, before any parsing.
 */
final class WhereLexer {

    static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "LIKE", "IN", "IS", "NULL");

    private final String text;
    private final List<WhereToken> tokens = new ArrayList<>();
    private int pos;

    private WhereLexer(String text) {
        this.text = text;
    }

    static List<WhereToken> tokenize(String text) {
        WhereLexer lexer = new WhereLexer(text);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if ((c == 'N' || c == 'n') && peek(1) == '\'') {
                pos++; // SQL Server's N'...' Unicode literal: same text to us
                string();
            } else if (c == '_' || isAsciiLetter(c)) {
                identifier();
            } else if (c == '[') {
                bracketed();
            } else if (c == '\'') {
                string();
            } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
                number();
            } else {
                symbol(c);
            }
        }
        tokens.add(new WhereToken(Kind.END, "", text.length()));
    }

    private void identifier() {
        int start = pos;
        while (pos < text.length()
                && (text.charAt(pos) == '_' || isAsciiLetter(text.charAt(pos)) || isDigit(text.charAt(pos)))) {
            pos++;
        }
        tokens.add(new WhereToken(Kind.IDENTIFIER, text.substring(start, pos), start));
    }

    private void bracketed() {
        int start = pos;
        StringBuilder name = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated [field name] starting", start);
            }
            char c = text.charAt(pos++);
            if (c == ']') {
                if (peek(0) != ']') {
                    break;
                }
                pos++;
            }
            name.append(c);
        }
        tokens.add(new WhereToken(Kind.BRACKETED_IDENTIFIER, name.toString(), start));
    }

    private void string() {
        int start = pos;
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated text literal (a quote inside text is written '') starting", start);
            }
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (peek(0) != '\'') {
                    break;
                }
                pos++;
            }
            value.append(c);
        }
        tokens.add(new WhereToken(Kind.STRING, value.toString(), start));
    }

    private void number() {
        int start = pos;
        while (isDigit(peek(0))) {
            pos++;
        }
        if (peek(0) == '.') {
            pos++;
            while (isDigit(peek(0))) {
                pos++;
            }
        }
        if (peek(0) == '_' || peek(0) == '.' || isAsciiLetter(peek(0))) {
            throw error("malformed number", start);
        }
        tokens.add(new WhereToken(Kind.NUMBER, text.substring(start, pos), start));
    }

    private void symbol(char c) {
        int start = pos;
        String two = pos + 1 < text.length() ? text.substring(pos, pos + 2) : "";
        switch (two) {
            case "<=", ">=", "<>", "!=" -> {
                pos += 2;
                tokens.add(new WhereToken(Kind.OPERATOR, two, start));
                return;
            }
            case "--", "/*" -> throw error("comments are not allowed", start);
            default -> {}
        }
        Kind kind = switch (c) {
            case '=', '<', '>' -> Kind.OPERATOR;
            case '-' -> Kind.MINUS;
            case '(' -> Kind.LEFT_PAREN;
            case ')' -> Kind.RIGHT_PAREN;
            case ',' -> Kind.COMMA;
            default -> throw error("unexpected character '" + printable(c) + "'", start);
        };
        pos++;
        tokens.add(new WhereToken(kind, String.valueOf(c), start));
    }

    private char peek(int ahead) {
        int at = pos + ahead;
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String printable(char c) {
        return Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private static CaspioApiException error(String what, int position) {
        return CaspioApiException.badQuery("q.where: " + what + " at character " + (position + 1) + ".");
    }
}
