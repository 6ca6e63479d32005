package io.smartsync.caspio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaspioTimeTest {
    @ParameterizedTest
    @ValueSource(
            strings = {"2026-01-17T10:30:05", "2026-01-17 10:30:05", " 2026-01-17T10:30:05 ", "2026-01-17T10:30:05.000"
            })
    void every_spelling_of_a_stamp_reads_as_the_same_local_time(String stamp) {
        assertThat(CaspioTime.parseLocal(stamp)).isEqualTo(LocalDateTime.of(2026, 1, 17, 10, 30, 5));
    }

    @Test
    void a_stamp_without_an_offset_is_read_in_its_fields_zone_and_one_with_an_offset_by_its_offset() {
        ZoneId pacific = ZoneId.of("America/Los_Angeles");

        assertThat(CaspioTime.toInstant("2026-07-01T09:00:00", pacific))
                .isEqualTo(Instant.parse("2026-07-01T16:00:00Z"));
        assertThat(CaspioTime.toInstant("2026-07-01T09:00:00+02:00", pacific))
                .isEqualTo(Instant.parse("2026-07-01T07:00:00Z"));
        assertThat(CaspioTime.toInstant("2026-07-01T09:00:00Z", pacific))
                .isEqualTo(Instant.parse("2026-07-01T09:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-30T10:30:05",
                "2026-13-01T10:30:05",
                "2026-01-17T25:30:05",
                "2026-0a-17T10:30:05",
                "soon"
            })
    void an_impossible_or_garbled_stamp_is_refused(String stamp) {
        assertThatThrownBy(() -> CaspioTime.parseLocal(stamp))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Caspio date-time");
    }
}
