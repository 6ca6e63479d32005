package io.smartsync.cli;

import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.sync.SyncConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            names = "--api-key",
            description = "Use this admin API key instead of the kept or a new one (16+ characters).")
    String apiKey;

    @Mixin
    EmulatorOptions emulator;

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws InterruptedException {
        return config.run(environment, this::demo);
    }

    private int demo(Env env) throws InterruptedException {
        int port = this.port != null ? Env.parsePort("--port", this.port.toString()) : env.port("SMARTSYNC_PORT", 8080);
        Path dataDir = this.dataDir != null
                ? this.dataDir
                : Path.of(env.get("SMARTSYNC_DATA_DIR").orElse("./smartsync-data"));
        Env.parsePort("--emulator-port", Integer.toString(emulatorPort));
        EmulatorConfig emulatorConfig = emulator.applyTo(
                EmulatorConfig.defaults(dataDir.resolve("emulator")).withPort(emulatorPort));
        if (apiKey != null && apiKey.length() < 16) {
            throw new SettingException("--api-key must be at least 16 characters");
        }
        SyncConfig sync = SyncSettings.fromEnv(env);
        Demo demo = Demo.start(
                new Demo.Options(port, dataDir, apiKey, sync, emulatorConfig, null),
                env,
                this.port != null ? "--port" : "SMARTSYNC_PORT");
        demo.describeSettings(SyncSettings.describe(env, sync, SyncSettings.policy(env, sync), false));
        PrintWriter out = spec.commandLine().getOut();
        String base = "http://localhost:" + demo.port();
        out.println("Smart Sync demo is running (Ctrl-C stops it).");
        out.println("  Dashboard:      " + base + "/");
        out.println("  API base:       " + base + "/api");
        out.println("  Health:         " + base + "/health");
        out.println(
                "  Caspio emulator: " + demo.emulator().baseUri() + " (client id " + emulatorConfig.clientId() + ")");
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
