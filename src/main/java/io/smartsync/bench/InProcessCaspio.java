package io.smartsync.bench;

import io.smartsync.emulator.CaspioEmulator;
import io.smartsync.emulator.EmulatorConfig;
import io.smartsync.emulator.FaultConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/** An emulator in the benchmark's JVM, on a free port, seeded with the workload's table. Thread-safe. */
final class InProcessCaspio implements CaspioSide {
    static final String TABLE = CaspioEmulator.NOTES_TABLE;

    private final CaspioEmulator emulator;
    private final WireCounter wire;

    private InProcessCaspio(CaspioEmulator emulator) {
        this.emulator = emulator;
        this.wire = WireCounter.start(emulator.baseUri());
    }

    static InProcessCaspio start(Path dir, Workload w) {
        return new InProcessCaspio(CaspioEmulator.start(EmulatorConfig.defaults(dir)
                .withPort(0)
                .withMembers(w.members())
                .withNotesPerMember(w.notesPerMember())
                .withSeed(w.seed())));
    }

    @Override
    public URI baseUri() {
        return wire.uri();
    }

    @Override
    public Traffic traffic() {
        // The wire first: a call counted there is counted by the emulator before it answers.
        WireCounter.Bytes bytes = wire.bytes();
        return Traffic.of(emulator.stats(), bytes);
    }

    @Override
    public void faults(String spec) {
        emulator.faults(FaultConfig.parse(spec));
    }

    @Override
    public void insertNote(String member, String comments) {
        emulator.insert(
                TABLE,
                Map.of(
                        "Client_ID2",
                        member,
                        "Comments",
                        comments,
                        "User_ID",
                        "bench",
                        "User_Full_Name",
                        "Benchmark Staff"));
    }

    @Override
    public void editNote(long pk, String comments) {
        emulator.update(TABLE, pk, Map.of("Comments", comments));
    }

    @Override
    public void close() {
        wire.close();
        emulator.close();
    }
}
