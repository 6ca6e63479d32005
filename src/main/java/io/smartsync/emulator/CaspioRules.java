package io.smartsync.emulator;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The emulator's answer to every Caspio behaviour, in one place. Items marked UNCONFIRMED were not
 * found in a primary source (see CASPIO.md); when the real service turns out to differ, change the
 * choice here and nowhere else.
 */
final class CaspioRules {

    private CaspioRules() {}

    // Confirmed in Caspio's help pages.
    static final int MAX_ROWS_PER_CALL = 1000;
    static final int DEFAULT_LIMIT = 100;
    static final int MIN_PAGE_SIZE = 5;
    static final int DEFAULT_PAGE_SIZE = 25;
    static final int STRING_LENGTH = 255;
    static final int TEXT_LENGTH = 64000;

    /** A field's Label and Description (Caspio's field definition help). */
    static final int MAX_LABEL = 255;

    static final int MAX_DESCRIPTION = 4000;

    /**
     * Field names (Caspio's table design help): a letter first, then letters, digits or underscores, at
     * most 32 characters, and no SQL Server reserved word ({@link #RESERVED_WORDS}).
     */
    static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");

    /** A TIMESTAMP field is stamped on insert unless told otherwise, and not on update. */
    static final boolean TIMESTAMP_ON_INSERT_DEFAULT = true;

    static final boolean TIMESTAMP_ON_UPDATE_DEFAULT = false;

    static final String CODE_BAD_BODY = "IncorrectBodyParameter";
    static final String CODE_BAD_QUERY = "IncorrectQueryParameter";
    static final String CODE_NOT_FOUND = "ObjectNotFound";
    static final String CODE_SQL = "SqlServerError";

    /** UNCONFIRMED: codes for 401s; Caspio documents the status, not the code. */
    static final String CODE_BAD_TOKEN = "InvalidToken";

    static final String CODE_BAD_CLIENT = "InvalidClientCredentials";

    /** UNCONFIRMED: a grant other than client_credentials, including refresh_token, is refused. */
    static final String CODE_BAD_GRANT = "UnsupportedGrantType";

    static final String CODE_URI_TOO_LONG = "RequestUriTooLong";
    static final String CODE_METHOD = "MethodNotAllowed";
    static final String CODE_SERVER = "InternalServerError";

    /** UNCONFIRMED: the code of a 503; Caspio documents 500 "server errors" only. */
    static final String CODE_UNAVAILABLE = "ServiceUnavailable";

    /** UNCONFIRMED: Caspio documents no per-second limit; a 429 carries this code and {@code Retry-After}. */
    static final String CODE_THROTTLED = "TooManyRequests";

    /**
     * The documented URI limit. UNCONFIRMED: what Caspio answers beyond it; we answer 414 so a client
     * that builds long {@code q.where} lists finds out in tests rather than in production.
     */
    static final int MAX_URI_LENGTH = 2047;

    /** Caspio answers {@code expires_in: 86399} for a 24 h token: the lifetime minus one second. */
    static final Duration EXPIRES_IN_MARGIN = Duration.ofSeconds(1);

    /** UNCONFIRMED: a TIMESTAMP field added without {@code TimeZone} is in UTC. */
    static final String DEFAULT_TIME_ZONE = "UTC";

    /**
     * UNCONFIRMED: a whole NUMBER or CURRENCY value is answered as a JSON integer ({@code 100001}, not
     * {@code 100001.0}), as a .NET decimal serialises; beyond this magnitude doubles stay doubles.
     */
    static final double MAX_WHOLE_NUMBER = 1e15;

    /*
     * Further UNCONFIRMED choices, each implemented where named:
     * - q.limit and q.pageSize above 1000 are lowered to 1000; q.limit < 1, q.pageSize < 5 and
     *   q.pageNumber < 1 are 400 IncorrectQueryParameter (RecordQuery).
     * - Without q.orderBy rows come in PK_ID order, and groups in q.groupBy order (RecordQuery).
     * - Text compares case-insensitively, like SQL Server's default collation (TEXT_COLLATION).
     * - A number literal compared with a text field compares as text; SQL Server would convert the
     *   column and could fail on values such as 'CL001234' (WhereCompiler).
     * - IN (...) is accepted (WhereParser).
     * - An empty string in a unique field counts as no value, so many rows may have '' (Schema); this
     *   holds for unique fields added later too.
     * - A PUT stamps OnUpdate timestamps on every row it matches, changed or not (RecordStore).
     * - A PUT with no fields and text longer than the field's length are 400 IncorrectBodyParameter
     *   rather than no-op or truncation (RecordBodies, FieldValues).
     * - q.groupBy takes a list of fields and needs q.select naming only grouped fields and COUNT(*);
     *   q.orderBy may then name grouped fields only; answers carry "COUNT(*)" as the count's key.
     *   COUNT(*) with fields but without q.groupBy, q.distinct and q.having are 400 (RecordQuery).
     * - POST /fields: a field added to a table with rows leaves them NULL in it, whatever its type; a
     *   TIMESTAMP with OnInsert is not back-filled (Schema.addColumn). The body may hold Name, Type,
     *   Unique, OnInsert, OnUpdate, TimeZone and Description only (any letter case; null = absent);
     *   other properties, a duplicate or invalid name, an unknown type, a type the emulator does not
     *   model (AUTONUMBER and the other generated types, PASSWORD, FILE, LIST-*), Unique on TEXT,
     *   YES/NO or TIMESTAMP, and OnInsert/OnUpdate/TimeZone on a type other than TIMESTAMP are all
     *   400 IncorrectBodyParameter (NewFieldBody). The answer is 201 with an empty body.
     * - An emulator file written before table definitions were stored is read as the SYNC_READY
     *   table, the only one that version could create (Catalog).
     *
     * Added for real clients (issue 17); documented: "Select *" or an empty field list answers every
     * field (Caspio's REST "special considerations" page; its MCP connector says the same of '*'), PK_ID
     * is text in a view, Label <= 255 and Description <= 4000. UNCONFIRMED, each where named:
     * - DATE_LITERALS: a date literal in q.where (and a DATE/TIME value in a body) is read as SQL
     *   Server's datetime conversion reads ISO 8601: 'YYYY-MM-DD', 'YYYY-MM-DD hh:mm[:ss[.fff…]]' or
     *   with 'T', optionally ending in 'Z' or '+hh:mm'/'-hh:mm', which is dropped, not converted: the
     *   digits are compared as the field's own time (datetime has no offset). So the app's
     *   Time_Stamp>'2026-01-17T10:30:00.000Z' compares with 10:30:00 in the field's zone (DateTimes).
     *   Fractions beyond milliseconds are kept for the comparison (datetime would refuse > 3 digits).
     * - TIMESTAMP_VALUES_IGNORED: a value given for a TIMESTAMP field in an insert or update (the app's
     *   own insert sends Time_Stamp) must read as a date-time, and is then ignored: Caspio stamps the
     *   field per OnInsert/OnUpdate. An update naming only timestamp fields names nothing (RecordBodies).
     * - POST /fields and POST /tables take every property GET /fields answers: Label, DisplayOrder (1 =
     *   first, 0 or past the end = last, never before PK_ID), Length (a STRING 1-255; other types only
     *   their own), UniqueAllowNulls (empty values never collide anyway), Format (accepted, not kept),
     *   Editable (read-only, ignored); IsFormula true, a non-empty Prefix or ListField are 400 (types not
     *   modelled) (NewFieldBody).
     * - GET /tables/{t} answers {Result:{Name, Note}}, Note "" unless POST /tables gave one. PUT
     *   /tables/{t}/fields/{f} takes NewName, NewLabel, NewDescription, NewDisplayOrder only (other New…
     *   changes are 400); PUT and DELETE answer 204; PK_ID cannot be changed or deleted (400); a missing
     *   field is 404 ObjectNotFound (FieldsEndpoint, Catalog). A renamed field keeps its values.
     * - PASSWORD fields are not modelled: GET …/passwordFields answers [], PUT/DELETE
     *   …/passwordFields/{f} answer 400 IncorrectQueryParameter for an existing field (FieldsEndpoint).
     * - Views are defined by the emulator's own PUT /_emulator/views/{v} {Table, Note}, each over one
     *   table, read-only: GET works as on the table (PK_ID as text); POST/PUT/DELETE of view records are
     *   405 MethodNotAllowed (ViewsEndpoint).
     *
     * Faults (none of them Caspio's documented behaviour; they model the network and the service):
     * - The token endpoint gets latency only: 5xx, 429 and drops apply to the REST API alone, so a
     *   client's token handling is tested by tokenExpiry and expireTokens() (FaultInjector).
     * - Faults are chosen before the bearer token is checked, as a load balancer would answer.
     * - A 429's Retry-After is whole seconds, rounded up, at least 1 (RequestGate).
     * - clockSkew moves the stamps and the Date header, not token expiry (SkewedClock, TokenStore).
     * - A late update shows readers the row as it was, not no row; writes see late rows; a later
     *   write that is not late makes the row visible at once (LateCommits).
     */

    /** SQLite's NOCASE folds ASCII only; close enough to SQL_Latin1_General_CP1_CI_AS for tests. */
    static final String TEXT_COLLATION = "NOCASE";

    /** The SQL Server reserved words most likely to be tried as field names (not the whole list). */
    static final Set<String> RESERVED_WORDS = Set.of(
            "ADD",
            "ALL",
            "ALTER",
            "AND",
            "ANY",
            "AS",
            "ASC",
            "BEGIN",
            "BETWEEN",
            "BY",
            "CASE",
            "CHECK",
            "COLUMN",
            "COMMIT",
            "CREATE",
            "CROSS",
            "CURRENT",
            "CURRENT_DATE",
            "CURRENT_TIME",
            "CURRENT_TIMESTAMP",
            "CURRENT_USER",
            "DATABASE",
            "DEFAULT",
            "DELETE",
            "DESC",
            "DISTINCT",
            "DROP",
            "ELSE",
            "END",
            "EXEC",
            "EXECUTE",
            "EXISTS",
            "FOREIGN",
            "FROM",
            "FULL",
            "FUNCTION",
            "GRANT",
            "GROUP",
            "HAVING",
            "IDENTITY",
            "IN",
            "INDEX",
            "INNER",
            "INSERT",
            "INTO",
            "IS",
            "JOIN",
            "KEY",
            "LEFT",
            "LIKE",
            "MERGE",
            "NOT",
            "NULL",
            "OF",
            "ON",
            "OR",
            "ORDER",
            "OUTER",
            "PERCENT",
            "PRIMARY",
            "PROCEDURE",
            "PUBLIC",
            "REFERENCES",
            "RIGHT",
            "ROLLBACK",
            "SCHEMA",
            "SELECT",
            "SESSION_USER",
            "SET",
            "SOME",
            "SYSTEM_USER",
            "TABLE",
            "THEN",
            "TO",
            "TOP",
            "TRANSACTION",
            "TRIGGER",
            "TRUNCATE",
            "UNION",
            "UNIQUE",
            "UPDATE",
            "USER",
            "VALUES",
            "VIEW",
            "WHEN",
            "WHERE",
            "WITH");

    /** Error-message value for the unique violation, worded like SQL Server's own. */
    static String duplicateMessage(String table, String field) {
        return "Cannot insert duplicate key in object '" + table + "': field '" + field + "' must be unique.";
    }
}
