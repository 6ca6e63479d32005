package io.smartsync.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --config} option of {@code serve} and {@code demo}: their settings from a file as well, under
 * the environment.
 */
final class ConfigOption {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "A .properties file of SMARTSYNC_* and CASPIO_* settings by their variable names; the environment wins.")
    Path config;

    /** What a command does with its settings. */
    interface Command {
        int run(Env env) throws InterruptedException;
    }

    /** Runs {@code command} on {@code environment} over the file; a bad setting from the file names it. */
    int run(Env environment, Command command) throws InterruptedException {
        Env env = environment.over(config);
        try {
            return command.run(env);
        } catch (SettingException e) {
            throw env.located(e);
        }
    }
}
