package io.smartsync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Conversions between Java values and the store's columns (instants are epoch milliseconds). */
final class Sql {
    private Sql() {}

    /** Reads one row of a result set. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs a query with positional parameters straight on the handle's connection: for the IN lists of a
     * preload's page write (thousands of values), where Jdbi's parsing and binding by name cost more than
     * the query itself.
     */
    static <T> List<T> query(Handle h, String sql, List<?> params, RowReader<T> reader) {
        try (PreparedStatement st = h.getConnection().prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                st.setObject(i + 1, params.get(i));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("query with " + params.size() + " values: " + e.getMessage(), e);
        }
    }

    /**
     * Runs one statement that changes rows, with positional parameters, straight on the handle's
     * connection: for the statements of every member read, where Jdbi's parsing and binding by name cost
     * more than the statement itself.
     *
     * @return how many rows changed
     * @throws UnableToExecuteStatementException as a statement run by Jdbi would
     */
    static int update(Handle h, String sql, Object... params) {
        try (PreparedStatement st = h.getConnection().prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                bind(st, i + 1, params[i]);
            }
            return st.executeUpdate();
        } catch (SQLException e) {
            // As Jdbi's own statements fail: a deadlock or a serialization failure is then run again.
            throw new UnableToExecuteStatementException(e.getMessage(), e, null);
        }
    }

    private static void bind(PreparedStatement st, int index, Object value) throws SQLException {
        switch (value) {
            case null -> st.setNull(index, Types.NULL);
            case Boolean b -> st.setBoolean(index, b);
            case Long l -> st.setLong(index, l);
            case Integer i -> st.setInt(index, i);
            case String text -> st.setString(index, text);
            default ->
                throw new IllegalArgumentException("a parameter is text, a number or a flag: " + value.getClass());
        }
    }

    /** The placeholders of an IN list of {@code n} values; NULL (matching nothing) for none. */
    static String inList(int n) {
        return n == 0 ? "NULL" : "?" + ", ?".repeat(n - 1);
    }

    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static String text(LocalDateTime value) {
        return value == null ? null : value.toString();
    }

    static LocalDateTime localDateTime(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : LocalDateTime.parse(value);
    }
}
