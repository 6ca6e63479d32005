package io.smartsync.caspio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Reading stamps in every form and refusing garbled ones is {@code note.CaspioStampTest}'s. */
class CaspioTimeTest {
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
}
