package io.smartsync.caspio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.util.TimeZone;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CaspioZonesTest {
    @Test
    void every_windows_zone_cldr_knows_maps_as_icu4j_maps_it() {
        Set<String> windowsIds = new TreeSet<>();
        for (String id : TimeZone.getAvailableIDs()) {
            String windows = TimeZone.getWindowsID(id);
            if (windows != null) {
                windowsIds.add(windows);
            }
        }
        assertThat(windowsIds).hasSizeGreaterThan(100);
        for (String windows : windowsIds) {
            assertThat(CaspioZones.toZoneId(windows).normalized())
                    .as(windows)
                    .isEqualTo(ZoneId.of(TimeZone.getIDForWindowsID(windows, "001"))
                            .normalized());
        }
    }

    @Test
    void utc_names_and_iana_ids_are_read_and_an_unknown_zone_is_refused() {
        assertThat(CaspioZones.toZoneId(null)).isEqualTo(ZoneOffset.UTC);
        assertThat(CaspioZones.toZoneId("UTC")).isEqualTo(ZoneOffset.UTC);
        assertThat(CaspioZones.toZoneId(" Pacific Standard Time ")).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(CaspioZones.toZoneId("Europe/Berlin")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThatThrownBy(() -> CaspioZones.toZoneId("Atlantis Standard Time"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Atlantis Standard Time");
    }
}
