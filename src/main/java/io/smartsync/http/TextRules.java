package io.smartsync.http;

/**
 * What a note's text may hold: no control characters but newline (LF, or CR LF) and tab, and none of
 * the Unicode controls that reorder how text is shown (bidi embeddings, overrides and isolates), which can
 * make a note read differently from what it says. Refusals are 400s that name the field and the
 * character.
 */
final class TextRules {
    private TextRules() {}

    /** For the comments: several lines and tabs are allowed. */
    static void multiline(String field, String value) {
        check(field, value, true);
    }

    /** For one-line fields (assignee, status, names). */
    static void singleLine(String field, String value) {
        check(field, value, false);
    }

    private static void check(String field, String value, boolean lines) {
        if (value == null) {
            return;
        }
        int lone = Utf8.loneSurrogate(value);
        if (lone >= 0) {
            throw ApiException.badRequest(field + " contains half of a surrogate pair (" + Utf8.hex(value, lone)
                    + " at character " + (lone + 1) + "), which is not text");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = lines
                    && (c == '\n' || c == '\t' || (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n'));
            if (Character.isISOControl(c) && !allowed) {
                throw ApiException.badRequest(field + " must not contain control characters"
                        + (lines ? " other than newline and tab" : "") + " (" + Utf8.hex(value, i)
                        + " at character " + (i + 1) + ")");
            }
            if (bidiControl(c)) {
                throw ApiException.badRequest(field + " must not contain bidirectional embedding, override or"
                        + " isolate characters (" + Utf8.hex(value, i) + " at character " + (i + 1) + ")");
            }
        }
    }

    /** U+202A-U+202E (embeddings and overrides) and U+2066-U+2069 (isolates). */
    static boolean bidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
