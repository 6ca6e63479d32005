package io.smartsync.cli;

import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.emulator.FaultConfig;
import picocli.CommandLine.Option;

/**
 * The options {@code emulator} and {@code demo} share: what a new emulator database is seeded with, the
 * OAuth client the emulator accepts and the faults it injects, described alike in both.
 */
final class EmulatorOptions {
    @Option(
            names = "--members",
            defaultValue = "200",
            description = "Members seeded into a new emulator database (default ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--client-id", defaultValue = "demo", description = "The OAuth client id the emulator accepts.")
    String clientId;

    @Option(
            names = "--client-secret",
            defaultValue = "demo-secret",
            description = "The OAuth client secret the emulator accepts.")
    String clientSecret;

    @Option(
            names = "--faults",
            defaultValue = "",
            description =
                    "Faults the emulator injects, e.g. latency=80ms,jitter=20ms,error5xx=0.05,throttle429=0.02 (see README).")
    String faults;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seeds the emulator's demo data and every random fault (default ${DEFAULT-VALUE}).")
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
