package io.smartsync.cli;

import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.emulator.FaultConfig;
import io.smartsync.emulator.TableShape;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
            names = "--members",
            defaultValue = "200",
            description = "Members seeded into a new database (default ${DEFAULT-VALUE}).")
    int members;

    @Option(
            names = "--notes-per-member",
            defaultValue = "30",
            description = "Average notes a seeded member gets, each from 0 to twice this (default ${DEFAULT-VALUE}).")
    int notesPerMember;

    @Option(names = "--client-id", defaultValue = "demo", description = "Accepted OAuth client id.")
    String clientId;

    @Option(names = "--client-secret", defaultValue = "demo-secret", description = "Accepted OAuth client secret.")
    String clientSecret;

    @Option(
            names = "--data-dir",
            defaultValue = "./smartsync-data/emulator",
            description = "Where its SQLite file lives.")
    Path dataDir;

    @Option(
            names = "--faults",
            defaultValue = "",
            description =
                    "Faults to inject, e.g. latency=80ms,jitter=20ms,error5xx=0.05,throttle429=0.02 (see README).")
    String faults;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seeds the demo data and every random fault (default ${DEFAULT-VALUE}).")
    long seed;

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
        if (members < 0) {
            throw new SettingException("--members must be 0 or more, was " + members);
        }
        if (notesPerMember < 0 || notesPerMember > 10_000) {
            throw new SettingException("--notes-per-member must be 0..10000, was " + notesPerMember);
        }
        FaultConfig faultConfig = parseFaults(faults);
        TableShape tableShape = switch (shape) {
            case "sync-ready" -> TableShape.SYNC_READY;
            case "original" -> TableShape.ORIGINAL;
            default -> throw new SettingException("--shape must be sync-ready or original, was " + shape);
        };
        NativeSqlite.prepare(DataDir.prepare(dataDir, "--data-dir"));
        CaspioEmulator emulator = CaspioEmulator.start(EmulatorConfig.defaults(DataDir.prepare(dataDir, "--data-dir"))
                .withPort(port)
                .withMembers(members)
                .withNotesPerMember(notesPerMember)
                .withClientId(clientId)
                .withClientSecret(clientSecret)
                .withSeed(seed)
                .withShape(tableShape)
                .withSyncIdUnique(syncIdUnique)
                .withFaults(faultConfig));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Caspio emulator is running at " + emulator.baseUri() + " (REST under /rest/v2 and"
                + " /integrations/rest/v3; client id " + clientId + "). Ctrl-C stops it.");
        if (!faultConfig.spec().isEmpty()) {
            out.println("Injecting faults " + faultConfig.spec() + " (seed " + seed + "); change them at "
                    + emulator.baseUri() + "/_emulator/faults.");
        }
        out.flush();
        UntilStopped.await(emulator);
        return 0;
    }

    /** A bad spec ends the command with status 2 and a message naming the flag. */
    static FaultConfig parseFaults(String spec) {
        try {
            return FaultConfig.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new SettingException("--faults: " + e.getMessage().replaceFirst("^faults: ", ""));
        }
    }
}
