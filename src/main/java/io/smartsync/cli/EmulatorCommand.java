package io.smartsync.cli;

import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "emulator",
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

    @Option(names = "--client-id", defaultValue = "demo", description = "Accepted OAuth client id.")
    String clientId;

    @Option(names = "--client-secret", defaultValue = "demo-secret", description = "Accepted OAuth client secret.")
    String clientSecret;

    @Option(
            names = "--data-dir",
            defaultValue = "./smartsync-data/emulator",
            description = "Where its SQLite file lives.")
    Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        Env.parsePort("--port", Integer.toString(port));
        if (members < 0) {
            throw new SettingException("--members must be 0 or more, was " + members);
        }
        CaspioEmulator emulator = CaspioEmulator.start(EmulatorConfig.defaults(DataDir.prepare(dataDir, "--data-dir"))
                .withPort(port)
                .withMembers(members)
                .withClientId(clientId)
                .withClientSecret(clientSecret));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Caspio emulator is running at " + emulator.baseUri() + " (REST under /rest/v2 and"
                + " /integrations/rest/v3; client id " + clientId + "). Ctrl-C stops it.");
        out.flush();
        UntilStopped.await(emulator);
        return 0;
    }
}
