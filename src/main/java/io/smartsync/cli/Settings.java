package io.smartsync.cli;

import io.smartsync.access.Role;
import java.util.function.Supplier;

/** Small checks shared by the commands: a bad value ends the command with status 2 and its reason. */
final class Settings {
    private Settings() {}

    static Role role(String text) {
        return checked(() -> Role.parse(text));
    }

    /** Runs {@code work}; a value it refuses becomes a {@link SettingException} with the same message. */
    static <T> T checked(Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            throw new SettingException(e.getMessage());
        }
    }
}
