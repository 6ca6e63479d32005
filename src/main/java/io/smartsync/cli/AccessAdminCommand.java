package io.smartsync.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** What {@code keys} and {@code users} share: the data directory they work on; alone, they list their subcommands. */
abstract class AccessAdminCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--data-dir",
            scope = ScopeType.INHERIT,
            description = "The service's data directory [SMARTSYNC_DATA_DIR] (default ./smartsync-data).")
    Path dataDir;

    private final Env env;

    AccessAdminCommand(Env env) {
        this.env = env;
    }

    AccessStore open() {
        return AccessStore.open(env, dataDir);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
