package io.smartsync.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaspioStampTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-01-17T10:30:05",
                "2026-01-17 10:30:05",
                " 2026-01-17T10:30:05 ",
                "2026-01-17T10:30:05.000",
                "2026-01-17T10:30:05Z",
                "2026-01-17T10:30:05-08:00"
            })
    void every_form_caspio_sends_reads_as_the_same_value(String text) {
        assertThat(CaspioStamp.parse(text)).isEqualTo(CaspioStamp.of(LocalDateTime.of(2026, 1, 17, 10, 30, 5)));
        assertThat(CaspioStamp.parse(text).wire()).isEqualTo("2026-01-17T10:30:05");
    }

    @Test
    void stamps_order_by_value_where_their_text_would_order_otherwise() {
        // As text, ' ' (0x20) sorts before 'T' (0x54): a space-separated later stamp would look earlier.
        String later = "2026-01-17 10:30:06";
        String earlier = "2026-01-17T10:30:05";
        assertThat(later.compareTo(earlier)).isNegative();
        assertThat(CaspioStamp.compare(later, earlier)).isPositive();
        // Fractions: "…05.5" is after "…05" and before "…06" as values.
        assertThat(CaspioStamp.parse("2026-01-17T10:30:05.5"))
                .isBetween(CaspioStamp.parse(earlier), CaspioStamp.parse(later));
        assertThat(CaspioStamp.parse("2026-01-17T10:30:05.500").wire()).isEqualTo("2026-01-17T10:30:05.5");
        assertThat(CaspioStamp.compare(null, earlier)).isNegative();
        assertThat(CaspioStamp.compare(null, null)).isZero();
    }

    @Test
    void a_repeated_hour_keeps_caspios_local_order_and_gives_an_instant_only_on_request() {
        ZoneId pacific = ZoneId.of("America/Los_Angeles");
        // 2026-11-01 01:30 happens twice in Los Angeles; Caspio compares the local values.
        CaspioStamp first = CaspioStamp.parse("2026-11-01T01:10:00");
        CaspioStamp second = CaspioStamp.parse("2026-11-01T01:50:00");
        assertThat(first).isLessThan(second);
        assertThat(first.toInstant(pacific)).isEqualTo(Instant.parse("2026-11-01T08:10:00Z"));
        assertThat(first.minusSeconds(5).wire()).isEqualTo("2026-11-01T01:09:55");
    }

    @Test
    void positions_order_by_stamp_then_key_with_no_stamp_first() {
        assertThat(Position.of("2026-01-17 10:30:06", 1)).isGreaterThan(Position.of("2026-01-17T10:30:05", 9));
        assertThat(Position.of("2026-01-17T10:30:05", 9)).isGreaterThan(Position.of("2026-01-17 10:30:05", 2));
        assertThat(Position.START).isLessThan(Position.of("1900-01-01T00:00:00", 0));
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
    void an_impossible_or_garbled_stamp_is_refused(String text) {
        assertThatThrownBy(() -> CaspioStamp.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Caspio date-time");
    }
}
