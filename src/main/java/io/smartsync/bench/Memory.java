package io.smartsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Memory figures of another process: peak RSS from {@code /proc}, heap from its unified GC log. */
final class Memory {
    // "GC(3) Pause Young (Normal) (G1 Evacuation Pause) 24M->5M(256M) 3.1ms"
    private static final Pattern PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    // "[gc,exit] garbage-first heap   total reserved 262144K, committed 262144K, used 23456K"
    private static final Pattern EXIT_USED = Pattern.compile("heap .*used (\\d+)K");

    /**
     * @param peakUsedBytes the most heap in use at any point: the largest occupancy before a collection,
     *     or at exit
     * @param maxLiveBytes the most heap still in use just after a collection: what the service really keeps
     * @param collections pauses seen
     */
    record Heap(long peakUsedBytes, long maxLiveBytes, int collections) {}

    private Memory() {}

    static OptionalLong peakRss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return OptionalLong.empty();
    }

    static Heap heapFromGcLog(Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log);
        } catch (IOException e) {
            return new Heap(0, 0, 0);
        }
        long peak = 0;
        long live = 0;
        int pauses = 0;
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                pauses++;
                peak = Math.max(peak, bytes(m.group(1), m.group(2)));
                live = Math.max(live, bytes(m.group(3), m.group(4)));
            }
            Matcher exit = EXIT_USED.matcher(line);
            if (exit.find()) {
                peak = Math.max(peak, Long.parseLong(exit.group(1)) * 1024);
            }
        }
        return new Heap(peak, live, pauses);
    }

    private static long bytes(String number, String unit) {
        long n = Long.parseLong(number);
        return switch (unit) {
            case "K" -> n * 1024;
            case "M" -> n * 1024 * 1024;
            default -> n * 1024 * 1024 * 1024;
        };
    }
}
