package io.smartsync.cli;

import io.smartsync.emulator.FaultConfig;
import io.smartsync.sync.SyncConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "demo",
        header = "Runs the service on a seeded Caspio emulator (no account).",
        mixinStandardHelpOptions = true,
        description = {
            "Starts a Caspio emulator seeded with realistic notes and the service against it.",
            "The sync settings SMARTSYNC_* of `serve` apply here too (see README, \"Sync settings\"),",
            "from the environment or from the --config file (the environment wins)."
        })
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final Env environment;

    DemoCommand(Env env) {
        this.environment = env;
    }

    @Option(names = "--port", description = "The service's HTTP port [SMARTSYNC_PORT] (default 8080).")
    Integer port;

    @Option(
            names = "--emulator-port",
            defaultValue = "8081",
            description = "The emulator's port (default ${DEFAULT-VALUE}).")
    int emulatorPort;

    @Option(
            names = "--data-dir",
            description = "Where both keep their files [SMARTSYNC_DATA_DIR] (default ./smartsync-data).")
    Path dataDir;

    @Option(
            names = "--members",
            defaultValue = "200",
            description = "Members seeded into a new emulator (default ${DEFAULT-VALUE}).")
    int members;

    @Option(
            names = "--api-key",
            description = "Use this admin API key instead of the kept or a new one (16+ characters).")
    String apiKey;

    @Option(names = "--client-id", defaultValue = "demo", description = "The emulator's OAuth client id.")
    String clientId;

    @Option(
            names = "--client-secret",
            defaultValue = "demo-secret",
            description = "The emulator's OAuth client secret.")
    String clientSecret;

    @Option(
            names = "--faults",
            defaultValue = "",
            description = "Faults the demo's emulator injects, e.g. latency=80ms,error5xx=0.05 (see README).")
    String faults;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seeds the emulator's demo data and its random faults (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "A .properties file of SMARTSYNC_* settings by their variable names; the environment wins.")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        Env env = environment.over(config);
        try {
            return demo(env);
        } catch (SettingException e) {
            throw env.located(e);
        }
    }

    private int demo(Env env) throws InterruptedException {
        int port = this.port != null ? Env.parsePort("--port", this.port.toString()) : env.port("SMARTSYNC_PORT", 8080);
        Path dataDir = this.dataDir != null
                ? this.dataDir
                : Path.of(env.get("SMARTSYNC_DATA_DIR").orElse("./smartsync-data"));
        Env.parsePort("--emulator-port", Integer.toString(emulatorPort));
        if (members < 0) {
            throw new SettingException("--members must be 0 or more, was " + members);
        }
        if (apiKey != null && apiKey.length() < 16) {
            throw new SettingException("--api-key must be at least 16 characters");
        }
        FaultConfig faultConfig = EmulatorCommand.parseFaults(faults);
        SyncConfig sync = SyncSettings.fromEnv(env);
        Demo demo = Demo.start(
                new Demo.Options(
                        port, emulatorPort, dataDir, members, apiKey, clientId, clientSecret, sync, faultConfig, seed),
                env,
                this.port != null ? "--port" : "SMARTSYNC_PORT");
        demo.describeSettings(SyncSettings.describe(env, sync, SyncSettings.policy(env, sync), false));
        PrintWriter out = spec.commandLine().getOut();
        String base = "http://localhost:" + demo.port();
        out.println("Smart Sync demo is running (Ctrl-C stops it).");
        out.println("  Dashboard:      " + base + "/");
        out.println("  API base:       " + base + "/api");
        out.println("  Health:         " + base + "/health");
        out.println("  Caspio emulator: " + demo.emulator().baseUri() + " (client id " + clientId + ")");
        out.println("  Admin API key:  " + demo.adminKey() + " (kept in " + dataDir.resolve(Demo.KEY_FILE) + ")");
        out.println(demo.demoPassword()
                .map(p -> "  Sign in:        " + base + "/login.html as " + Demo.DEMO_USER + ", password " + p
                        + " (shown once)")
                .orElse("  Sign in:        " + base + "/login.html as " + Demo.DEMO_USER
                        + " with the password printed when " + dataDir + " was new (or use a new --data-dir)"));
        out.println("Try: curl -H 'Authorization: Bearer " + demo.adminKey() + "' '" + base
                + "/api/client-notes?clientId2=CL000001'");
        out.flush();
        UntilStopped.await(demo);
        return 0;
    }
}
