package io.smartsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Converts between JSON values, what SQLite stores, and what the REST API answers, by field type. */
final class FieldValues {

    private FieldValues() {}

    /** The value to store for a JSON body value; refuses what Caspio would refuse. */
    static Object fromJson(FieldDef field, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            throw CaspioApiException.badBody("Field '" + field.name() + "' takes a single value, not "
                    + (value.isArray() ? "an array" : "an object") + ".");
        }
        return switch (field.type()) {
            case STRING, TEXT -> text(field, value);
            case NUMBER, CURRENCY -> number(field, value);
            case INTEGER -> integer(field, value);
            case DATE_TIME -> dateTime(field, value);
            case YES_NO -> yesNo(field, value);
            case AUTONUMBER, TIMESTAMP -> throw systemField(field);
        };
    }

    static CaspioApiException systemField(FieldDef field) {
        return CaspioApiException.badBody("Field '" + field.name() + "' is maintained by the system ("
                + field.type().caspioName() + ") and cannot be set.");
    }

    private static String text(FieldDef field, JsonNode value) {
        String text = value.isTextual() ? value.textValue() : value.asText();
        if (field.length() != null && text.codePointCount(0, text.length()) > field.length()) {
            throw CaspioApiException.badBody(
                    "Field '" + field.name() + "' holds at most " + field.length() + " characters.");
        }
        return text;
    }

    private static Double number(FieldDef field, JsonNode value) {
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            try {
                double parsed = Double.parseDouble(value.textValue().strip());
                if (Double.isFinite(parsed)) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
        }
        throw wrongType(field, "a number");
    }

    private static Long integer(FieldDef field, JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.textValue().strip());
            } catch (NumberFormatException e) {
                // answered below
            }
        }
        throw wrongType(field, "a whole number");
    }

    private static String dateTime(FieldDef field, JsonNode value) {
        if (value.isTextual()) {
            var parsed = DateTimes.parse(value.textValue());
            if (parsed.isPresent()) {
                return DateTimes.stored(parsed.get());
            }
        }
        throw wrongType(field, "a date-time such as 2026-01-17T10:30:00");
    }

    private static Integer yesNo(FieldDef field, JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue() ? 1 : 0;
        }
        if (value.isIntegralNumber() && (value.intValue() == 0 || value.intValue() == 1)) {
            return value.intValue();
        }
        throw wrongType(field, "true or false");
    }

    private static CaspioApiException wrongType(FieldDef field, String expected) {
        return CaspioApiException.badBody(
                "Field '" + field.name() + "' (" + field.type().caspioName() + ") expects " + expected + ".");
    }

    /**
     * The value as the REST API answers it: numbers as numbers (a whole NUMBER or CURRENCY without a
     * fraction, so member 100001 reads {@code 100001}: see CaspioRules), booleans for YES/NO, else text.
     */
    static Object fromRow(FieldDef field, ResultSet rs, int column) throws SQLException {
        Object value = switch (field.type()) {
            case AUTONUMBER, INTEGER -> rs.getLong(column);
            case NUMBER, CURRENCY -> wholeAsLong(rs.getDouble(column));
            case YES_NO -> rs.getInt(column) != 0;
            default -> rs.getString(column);
        };
        return rs.wasNull() ? null : value;
    }

    private static Object wholeAsLong(double value) {
        return value == Math.rint(value) && Math.abs(value) < CaspioRules.MAX_WHOLE_NUMBER
                ? (Object) (long) value
                : value;
    }
}
