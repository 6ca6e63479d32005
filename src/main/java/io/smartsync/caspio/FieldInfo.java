package io.smartsync.caspio;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One field of a Caspio table, as {@code GET /tables/{t}/fields} describes it. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldInfo(
        @JsonProperty("Name") String name,
        @JsonProperty("Type") String type,
        @JsonProperty("Unique") Boolean unique,
        @JsonProperty("OnInsert") Boolean onInsert,
        @JsonProperty("OnUpdate") Boolean onUpdate,
        @JsonProperty("TimeZone") String timeZone,
        @JsonProperty("Description") String description) {

    @JsonIgnore
    public boolean isTimestamp() {
        return "TIMESTAMP".equalsIgnoreCase(type);
    }

    @JsonIgnore
    public boolean isNumeric() {
        return type != null
                && switch (type.toUpperCase(java.util.Locale.ROOT)) {
                    case "NUMBER", "INTEGER", "CURRENCY", "AUTONUMBER" -> true;
                    default -> false;
                };
    }
}
