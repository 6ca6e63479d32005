package io.smartsync.note;

import java.util.regex.Pattern;

/**
 * A member's identifier ({@code Client_ID2} in Caspio). Validated against a strict pattern so it can
 * never carry SQL, quotes or control characters into a query, whatever escaping happens later. A refused
 * id is an {@link InvalidInputException}: the id is a caller's, or a row's read from Caspio.
 */
public record MemberId(String value) {
    public static final Pattern DEFAULT_PATTERN = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    public MemberId {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException("clientId2 is required");
        }
        if (!DEFAULT_PATTERN.matcher(value).matches()) {
            throw new InvalidInputException(
                    "clientId2 must be 1-64 letters, digits, '_' or '-' (pattern " + DEFAULT_PATTERN + ")");
        }
    }

    public static MemberId of(String value) {
        return new MemberId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
