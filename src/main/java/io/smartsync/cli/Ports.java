package io.smartsync.cli;

import java.net.BindException;
import java.util.function.Supplier;

/** Turns "the port is taken" into one line that names the port and the setting that chose it. */
final class Ports {
    private Ports() {}

    static <T> T naming(String setting, int port, Supplier<T> start) {
        try {
            return start.get();
        } catch (RuntimeException e) {
            if (bindFailure(e)) {
                throw new SettingException(setting + ": port " + port
                        + " is in use by another program; stop it or choose another port with " + setting);
            }
            throw e;
        }
    }

    private static boolean bindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || t.getClass().getSimpleName().equals("JavalinBindException")) {
                return true;
            }
        }
        return false;
    }
}
