package io.smartsync.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.smartsync.bench.Figures.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a finished benchmark: the table on the console, {@code results.json}, {@code results.md}. */
final class Report {
    private static final String[] HEADER = {"Figure", "Traditional", "Smart Sync", "Smart Sync vs traditional"};

    private Report() {}

    static Map<String, Object> json(String command, Workload w, List<RunReport> runs) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("command", command);
        root.put("generatedAt", Instant.now().toString());
        root.put("machine", Machine.describe());
        root.put("workload", w.toJson());
        root.put("compression", compression(w));
        Map<String, Object> byLabel = new LinkedHashMap<>();
        runs.forEach(r -> byLabel.put(r.label(), r.toJson()));
        root.put("runs", byLabel);
        root.put("targets", Targets.evaluate(w, runs));
        return root;
    }

    static void write(Path dir, Map<String, Object> json, List<RunReport> runs) throws IOException {
        Files.createDirectories(dir);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(dir.resolve("results.json").toFile(), json);
        StringBuilder md = new StringBuilder();
        md.append("Command: `").append(json.get("command")).append("`\n\n");
        md.append("Machine: ").append(Machine.oneLine()).append("\n\n");
        for (RunReport r : runs) {
            md.append("### ").append(title(r)).append("\n\n");
            List<String[]> rows = rows(r);
            md.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
            md.append("|---|--:|--:|---|\n");
            rows.forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
            md.append("\n");
        }
        md.append("Targets:\n\n");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> targets = (List<Map<String, Object>>) json.get("targets");
        targets.forEach(t -> md.append("- ").append(t.get("text")).append("\n"));
        Files.writeString(dir.resolve("results.md"), md.toString());
    }

    static void print(PrintWriter out, List<RunReport> runs) {
        for (RunReport r : runs) {
            out.println();
            out.println(title(r));
            List<String[]> rows = new ArrayList<>();
            rows.add(HEADER);
            rows.addAll(rows(r));
            int[] width = new int[HEADER.length];
            rows.forEach(row -> {
                for (int i = 0; i < row.length; i++) {
                    width[i] = Math.max(width[i], row[i].length());
                }
            });
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.length; i++) {
                    String cell = i == 1 || i == 2 ? pad(row[i], width[i], true) : pad(row[i], width[i], false);
                    line.append(cell).append(i < row.length - 1 ? "  " : "");
                }
                out.println(line.toString().stripTrailing());
            }
        }
        out.flush();
    }

    private static String title(RunReport r) {
        return String.format(Locale.ROOT, "%s: %,d members, %,d notes", r.label(), r.members(), r.notes());
    }

    private static List<String[]> rows(RunReport r) {
        return r.figures().stream()
                .map(f -> new String[] {
                    f.label(), f.formatted(f.traditional()), f.formatted(f.smartSync()), f.comparison()
                })
                .toList();
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }

    private static Map<String, Object> compression(Workload w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("speedup", w.speedup());
        m.put("simulatedMinutes", w.minutes());
        m.put("windowRealSeconds", w.windowReal().toMillis() / 1000.0);
        m.put(
                "scaled",
                "the staff's visits and the changes other people make in Caspio: an hour of them is played in"
                        + " the window");
        m.put(
                "notScaled",
                "the service (poll, member check, reconcile, lease, breaker, retries run at their real"
                        + " intervals), the emulator's clock, request latency and all processing; an hour of the"
                        + " service's background is its idle rate measured in a quiet stretch after the window,"
                        + " plus what the window's changes cost beyond it, plus table reconciles at the pace an"
                        + " hour holds (details.hourModel)");
        m.put(
                "counted",
                "bytes on the wire between Caspio's clients and the emulator, both ways: request lines with"
                        + " their URIs, headers, bodies; one counter for both approaches");
        m.put(
                "changes",
                "visits and Caspio changes arrive speedup times more densely per real second (more load and"
                        + " contention per second than a real clinic; each poll finds more changed rows), and a"
                        + " member's return visits come sooner after its first in real time");
        return m;
    }
}
