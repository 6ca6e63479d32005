package io.smartsync.cli;

/** A setting that is missing or wrong; the message names it. Ends the command with status 2. */
final class SettingException extends RuntimeException {
    SettingException(String message) {
        super(message);
    }
}
