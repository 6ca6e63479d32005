package io.smartsync.cli;

import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.emulator.FaultConfig;
import picocli.CommandLine.Option;

/**
 * The options {@code emulator} and {@code demo} share: what a new emulator database is seeded with, the
 * OAuth client the emulator accepts and the faults it injects. The descriptions are the emulator's; {@code
 * demo} words them for its emulator in {@code DemoCommand.properties}, by their {@code descriptionKey}.
 */
final class EmulatorOptions {
    @Option(
            names = "--members",
            defaultValue = "200",
            descriptionKey = "members",
            description = "Members seeded into a new database (default ${DEFAULT-VALUE}).")
    int members;

    @Option(
            names = "--client-id",
            defaultValue = "demo",
            descriptionKey = "client-id",
            description = "Accepted OAuth client id.")
    String clientId;

    @Option(
            names = "--client-secret",
            defaultValue = "demo-secret",
            descriptionKey = "client-secret",
            description = "Accepted OAuth client secret.")
    String clientSecret;

    @Option(
            names = "--faults",
            defaultValue = "",
            descriptionKey = "faults",
            description =
                    "Faults to inject, e.g. latency=80ms,jitter=20ms,error5xx=0.05,throttle429=0.02 (see README).")
    String faults;

    @Option(
            names = "--seed",
            defaultValue = "42",
            descriptionKey = "seed",
            description = "Seeds the demo data and every random fault (default ${DEFAULT-VALUE}).")
    long seed;

    /** {@code config} with these options; a bad one ends the command with status 2 and a message naming it. */
    EmulatorConfig applyTo(EmulatorConfig config) {
        if (members < 0) {
            throw new SettingException("--members must be 0 or more, was " + members);
        }
        return config.withMembers(members)
                .withClientId(clientId)
                .withClientSecret(clientSecret)
                .withFaults(parseFaults(faults))
                .withSeed(seed);
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
