package io.smartsync.caspio;

import com.ibm.icu.util.TimeZone;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Caspio names a TIMESTAMP field's zone with a Windows id; CLDR's table (through ICU4J) maps it. */
public final class CaspioZones {
    private CaspioZones() {}

    /**
     * The Java zone of a Caspio field's {@code TimeZone}: a Windows id such as {@code Pacific Standard
     * Time}, or {@code UTC}; null or empty means UTC.
     *
     * @throws IllegalArgumentException for an id neither CLDR nor Java knows
     */
    public static ZoneId toZoneId(String caspioZone) {
        if (caspioZone == null || caspioZone.isBlank() || caspioZone.equalsIgnoreCase("UTC")) {
            return ZoneOffset.UTC;
        }
        String iana = TimeZone.getIDForWindowsID(caspioZone.trim(), "001");
        if (iana != null) {
            return ZoneId.of(iana);
        }
        try {
            return ZoneId.of(caspioZone.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown Caspio time zone '" + caspioZone + "'", e);
        }
    }
}
