package io.smartsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartsync.bench.HourModel.Cost;
import org.junit.jupiter.api.Test;

class HourModelTest {

    @Test
    void an_hour_of_changes_played_in_five_minutes_is_fetched_once_and_the_idle_polls_fill_the_hour() {
        // 10 polls in a 5-minute window that held a whole hour of changes (17,000 bytes of rows).
        Cost hour = HourModel.hourly(new Cost(10, 17_000), 5 / 60.0, 1);

        assertThat(hour.requests()).isEqualTo(120);
        assertThat(hour.bytes()).isEqualTo(17_000 + 110 * HourModel.IDLE_POLL_BYTES);
    }

    @Test
    void a_window_of_three_minutes_played_in_real_time_scales_its_changes_to_an_hour() {
        Cost hour = HourModel.hourly(new Cost(6, 900), 3 / 60.0, 20);

        assertThat(hour.requests()).isEqualTo(120);
        assertThat(hour.bytes()).isEqualTo(18_000);
    }
}
