package io.smartsync.cli;

import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.emulator.TableShape;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "emulator",
        header = "Runs the Caspio emulator alone, seeded with realistic notes.",
        mixinStandardHelpOptions = true,
        description = "Runs the Caspio emulator alone, seeded with realistic notes.")
final class EmulatorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8081", description = "HTTP port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--notes-per-member",
            defaultValue = "30",
            description = "Average notes a seeded member gets, each from 0 to twice this (default ${DEFAULT-VALUE}).")
    int notesPerMember;

    @Mixin
    EmulatorOptions emulator;

    @Option(
            names = "--data-dir",
            defaultValue = "./smartsync-data/emulator",
            description = "Where its SQLite file lives.")
    Path dataDir;

    @Option(
            names = "--shape",
            defaultValue = "sync-ready",
            description = "Notes table of a new database: sync-ready or original (default ${DEFAULT-VALUE}).")
    String shape;

    @Option(
            names = "--sync-id-unique",
            defaultValue = "true",
            arity = "1",
            description = "Whether a new sync-ready table's Sync_ID is unique (default ${DEFAULT-VALUE}); false leaves"
                    + " only the service's own look-up to prevent a duplicate after an ambiguous create.")
    boolean syncIdUnique;

    @Override
    public Integer call() throws InterruptedException {
        Env.parsePort("--port", Integer.toString(port));
        if (notesPerMember < 0 || notesPerMember > 10_000) {
            throw new SettingException("--notes-per-member must be 0..10000, was " + notesPerMember);
        }
        TableShape tableShape = switch (shape) {
            case "sync-ready" -> TableShape.SYNC_READY;
            case "original" -> TableShape.ORIGINAL;
            default -> throw new SettingException("--shape must be sync-ready or original, was " + shape);
        };
        EmulatorConfig config = emulator.applyTo(EmulatorConfig.defaults(dataDir)
                .withPort(port)
                .withNotesPerMember(notesPerMember)
                .withShape(tableShape)
                .withSyncIdUnique(syncIdUnique));
        NativeSqlite.prepare(DataDir.prepare(dataDir, "--data-dir"));
        CaspioEmulator running = CaspioEmulator.start(config);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Caspio emulator is running at " + running.baseUri() + " (REST under /rest/v2 and"
                + " /integrations/rest/v3; client id " + config.clientId() + "). Ctrl-C stops it.");
        if (!config.faults().spec().isEmpty()) {
            out.println("Injecting faults " + config.faults().spec() + " (seed " + config.seed() + "); change them at "
                    + running.baseUri() + "/_emulator/faults.");
        }
        out.flush();
        UntilStopped.await(running);
        return 0;
    }
}
