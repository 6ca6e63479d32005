package io.smartsync.bench;

import io.smartsync.store.SyncRun;
import java.util.List;
import java.util.OptionalLong;

/**
 * The raw results of one run, both approaches; {@link Figures} turns them into the table. Parts that a
 * run did not measure are null (the external-emulator run measures the initial sync only).
 *
 * @param notes rows in the table when the run started
 * @param background the service's idle background and a timed table check, measured after the window
 * @param history the service's own record of its sync runs, with their cost as its client counted it
 * @param preload the whole table read by a fresh service of its own (the initial-sync figures)
 * @param reads the reads phase: open loop and saturated, per store (empty when not measured)
 */
record Measured(
        String label,
        Workload workload,
        long notes,
        Plan plan,
        InitialSync.Result traditionalInitial,
        WindowRun.Result traditionalWindow,
        PushRun.Result traditionalPush,
        InitialSync.Result smartInitial,
        WindowRun.Result smartWindow,
        Background background,
        PushRun.Result smartPush,
        List<SyncRun> history,
        Memory.Heap heap,
        OptionalLong peakRss,
        PreloadRun.Result preload,
        List<ReadsRun.Result> reads) {}
