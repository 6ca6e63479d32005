package io.smartsync.caspio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Properties;

/**
 * Caspio names a TIMESTAMP field's zone with a Windows id; CLDR's Windows-zone table (shipped as {@code
 * windows-zones.properties} beside this class) maps it to a Java zone.
 */
public final class CaspioZones {
    private static final Properties WINDOWS = load();

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
        String iana = WINDOWS.getProperty(caspioZone.trim());
        if (iana != null) {
            return ZoneId.of(iana);
        }
        try {
            return ZoneId.of(caspioZone.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown Caspio time zone '" + caspioZone + "'", e);
        }
    }

    private static Properties load() {
        Properties table = new Properties();
        try (InputStream in = CaspioZones.class.getResourceAsStream("windows-zones.properties")) {
            if (in == null) {
                throw new IllegalStateException("windows-zones.properties is missing from the jar");
            }
            table.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading windows-zones.properties", e);
        }
        return table;
    }
}
