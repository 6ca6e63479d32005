package io.smartsync.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings for one emulator, validated when built.
 *
 * @param port TCP port on 127.0.0.1; 0 picks any free port
 * @param dataDir directory for {@code emulator.db}; created (owner-only) if missing
 * @param members how many members ({@code CL000001}…) the seed gives notes to
 * @param seed makes the seeded data and every random fault repeatable
 * @param clientId OAuth client id the token endpoint accepts
 * @param clientSecret OAuth client secret the token endpoint accepts
 * @param tokenLifetime how long an access token stays valid
 * @param clock source of timestamps and token expiry
 * @param shape the notes table a new database gets; an existing database keeps its stored fields
 * @param faults the faults injected from the start; {@link CaspioEmulator#faults(FaultConfig)} replaces them
 * @param notesPerMember the average number of notes the seed gives a member: each gets from 0 to twice
 *     this many, so the benchmark can size the table
 * @param syncIdUnique whether a new SYNC_READY table's {@code Sync_ID} is unique (as {@code setup} makes it);
 *     false leaves only the client's own look-up between an ambiguous create and a duplicate row, which is
 *     what the convergence tests and {@code soak} need to see
 */
public record EmulatorConfig(
        int port,
        Path dataDir,
        int members,
        long seed,
        String clientId,
        String clientSecret,
        Duration tokenLifetime,
        Clock clock,
        TableShape shape,
        FaultConfig faults,
        int notesPerMember,
        boolean syncIdUnique) {

    /** Average notes per member when not set: 0 to 60 each, as the demo data always had. */
    public static final int DEFAULT_NOTES_PER_MEMBER = 30;

    public EmulatorConfig {
        Objects.requireNonNull(dataDir, "emulator config: dataDir is required");
        Objects.requireNonNull(clientId, "emulator config: clientId is required");
        Objects.requireNonNull(clientSecret, "emulator config: clientSecret is required");
        Objects.requireNonNull(tokenLifetime, "emulator config: tokenLifetime is required");
        Objects.requireNonNull(clock, "emulator config: clock is required");
        Objects.requireNonNull(shape, "emulator config: shape is required");
        Objects.requireNonNull(faults, "emulator config: faults is required (FaultConfig.NONE for none)");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("emulator config: port " + port + " is not 0..65535");
        }
        if (members < 0 || members > 999_999) {
            throw new IllegalArgumentException(
                    "emulator config: members " + members + " is not 0..999999 (ids have six digits)");
        }
        if (notesPerMember < 0 || notesPerMember > 10_000) {
            throw new IllegalArgumentException(
                    "emulator config: notesPerMember " + notesPerMember + " is not 0..10000");
        }
        if (clientId.isBlank() || clientSecret.isBlank()) {
            throw new IllegalArgumentException("emulator config: clientId and clientSecret must not be blank");
        }
        if (tokenLifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("emulator config: tokenLifetime " + tokenLifetime + " is under 1 s");
        }
    }

    /**
     * Port 8081, 200 members, seed 42, client {@code demo}/{@code demo-secret}, 24 h tokens, UTC clock,
     * the SYNC_READY table with a unique {@code Sync_ID}, no faults.
     */
    public static EmulatorConfig defaults(Path dataDir) {
        return new EmulatorConfig(
                8081,
                dataDir,
                200,
                42L,
                "demo",
                "demo-secret",
                Duration.ofHours(24),
                Clock.systemUTC(),
                TableShape.SYNC_READY,
                FaultConfig.NONE,
                DEFAULT_NOTES_PER_MEMBER,
                true);
    }

    public EmulatorConfig withPort(int port) {
        return new EmulatorConfig(
                port,
                dataDir,
                members,
                seed,
                clientId,
                clientSecret,
                tokenLifetime,
                clock,
                shape,
                faults,
                notesPerMember,
                syncIdUnique);
    }

    public EmulatorConfig withDataDir(Path dataDir) {
        return new EmulatorConfig(
                port,
                dataDir,
                members,
                seed,
                clientId,
                clientSecret,
                tokenLifetime,
                clock,
                shape,
                faults,
                notesPerMember,
                syncIdUnique);
    }

    public EmulatorConfig withMembers(int members) {
        return new EmulatorConfig(
                port,
                dataDir,
                members,
                seed,
                clientId,
                clientSecret,
                tokenLifetime,
                clock,
                shape,
                faults,
                notesPerMember,
                syncIdUnique);
    }

    public EmulatorConfig withSeed(long seed) {
        return new EmulatorConfig(
                port,
                dataDir,
                members,
                seed,
                clientId,
                clientSecret,
                tokenLifetime,
                clock,
                shape,
                faults,
                notesPerMember,
                syncIdUnique);
    }

    public EmulatorConfig withClientId(String clientId) {
        return new EmulatorConfig(
                port,
                dataDir,
                members,
                seed,
                clientId,
                clientSecret,
                tokenLifetime,
                clock,
                shape,
                faults,
                notesPerMember,
                syncIdUnique);
    }

    public EmulatorConfig withClientSecret(String clientSecret) {
        return new EmulatorConfig(
                port,
                dataDir,
                members,
                seed,
                clientId,
                clientSecret,
                tokenLifetime,
                clock,
                shape,
                faults,
                notesPerMember,
                syncIdUnique);
    }

    public EmulatorConfig withTokenLifetime(Duration tokenLifetime) {
        return new EmulatorConfig(
                port,
                dataDir,
                members,
                seed,
                clientId,
                clientSecret,
                tokenLifetime,
                clock,
                shape,
                faults,
                notesPerMember,
                syncIdUnique);
    }

    public EmulatorConfig withClock(Clock clock) {
        return new EmulatorConfig(
                port,
                dataDir,
                members,
                seed,
                clientId,
                clientSecret,
                tokenLifetime,
                clock,
                shape,
                faults,
                notesPerMember,
                syncIdUnique);
    }

    public EmulatorConfig withShape(TableShape shape) {
        return new EmulatorConfig(
                port,
                dataDir,
                members,
                seed,
                clientId,
                clientSecret,
                tokenLifetime,
                clock,
                shape,
                faults,
                notesPerMember,
                syncIdUnique);
    }

    public EmulatorConfig withFaults(FaultConfig faults) {
        return new EmulatorConfig(
                port,
                dataDir,
                members,
                seed,
                clientId,
                clientSecret,
                tokenLifetime,
                clock,
                shape,
                faults,
                notesPerMember,
                syncIdUnique);
    }

    public EmulatorConfig withNotesPerMember(int notesPerMember) {
        return new EmulatorConfig(
                port,
                dataDir,
                members,
                seed,
                clientId,
                clientSecret,
                tokenLifetime,
                clock,
                shape,
                faults,
                notesPerMember,
                syncIdUnique);
    }

    public EmulatorConfig withSyncIdUnique(boolean syncIdUnique) {
        return new EmulatorConfig(
                port,
                dataDir,
                members,
                seed,
                clientId,
                clientSecret,
                tokenLifetime,
                clock,
                shape,
                faults,
                notesPerMember,
                syncIdUnique);
    }

    /** Keeps the secret out of logs and error messages. */
    @Override
    public String toString() {
        return "EmulatorConfig[port=" + port + ", dataDir=" + dataDir + ", members=" + members + ", seed=" + seed
                + ", clientId=" + clientId + ", clientSecret=***, tokenLifetime=" + tokenLifetime + ", clock="
                + clock + ", shape=" + shape + ", faults=" + faults.spec() + ", notesPerMember=" + notesPerMember
                + ", syncIdUnique=" + syncIdUnique + "]";
    }
}
