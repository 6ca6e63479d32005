package io.smartsync.bench;

import io.smartsync.bench.Figures.RunReport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A PNG of the headline figures: for each, a grey bar for traditional and a blue one for Smart Sync,
 * scaled to the larger of the two, with the values written beside them. Drawn with Java2D, headless.
 */
final class Chart {
    private static final List<String> KEYS = List.of(
            "selection.firstVisit.p50Ms",
            "selection.returnVisit.p50Ms",
            "selection.returnVisit.p99Ms",
            "caspio.perReturnVisit.requests",
            "caspio.perReturnVisit.bytes",
            "caspio.perHour.requests",
            "caspio.perHour.bytes",
            "initialSync.preload.notesPerSecond",
            "push.timeToCaspio.p50Ms");
    private static final Color TRADITIONAL = new Color(150, 150, 150);
    private static final Color SMART = new Color(40, 110, 200);
    private static final int WIDTH = 1100;
    private static final int LABEL = 380;
    private static final int BARS = 480;
    private static final int ROW = 46;

    private Chart() {}

    static void write(Path file, List<RunReport> runs) throws IOException {
        int rows = runs.stream().mapToInt(r -> figures(r).size() + 2).sum();
        int height = 60 + rows * ROW;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            g.setColor(Color.BLACK);
            g.drawString("Smart Sync vs the traditional approach (each pair scaled to its larger value)", 20, 32);
            legend(g);
            int y = 60;
            for (RunReport run : runs) {
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
                g.setColor(Color.BLACK);
                g.drawString(
                        String.format("%s: %,d members, %,d notes", run.label(), run.members(), run.notes()),
                        20,
                        y + 28);
                y += ROW;
                for (Figure f : figures(run)) {
                    row(g, f, y);
                    y += ROW;
                }
                y += ROW;
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static List<Figure> figures(RunReport run) {
        return KEYS.stream()
                .map(run::figure)
                .filter(f -> f != null && (f.traditional() != null || f.smartSync() != null))
                .toList();
    }

    private static void legend(Graphics2D g) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(TRADITIONAL);
        g.fillRect(WIDTH - 290, 20, 14, 14);
        g.setColor(SMART);
        g.fillRect(WIDTH - 160, 20, 14, 14);
        g.setColor(Color.BLACK);
        g.drawString("traditional", WIDTH - 270, 32);
        g.drawString("Smart Sync", WIDTH - 140, 32);
    }

    private static void row(Graphics2D g, Figure f, int y) {
        double t = f.traditional() == null ? 0 : f.traditional();
        double s = f.smartSync() == null ? 0 : f.smartSync();
        double max = Math.max(Math.max(t, s), 1e-9);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(Color.BLACK);
        g.drawString(f.label(), 20, y + 20);
        g.setColor(new Color(90, 90, 90));
        g.drawString(f.comparison(), 20, y + 37);
        bar(g, y + 6, t / max, TRADITIONAL, f.formatted(f.traditional()));
        bar(g, y + 24, s / max, SMART, f.formatted(f.smartSync()));
        g.setColor(new Color(225, 225, 225));
        g.setStroke(new BasicStroke(1));
        g.drawLine(20, y + ROW - 2, WIDTH - 20, y + ROW - 2);
    }

    private static void bar(Graphics2D g, int y, double share, Color color, String value) {
        int length = (int) Math.round(BARS * share);
        g.setColor(color);
        g.fillRect(LABEL, y, Math.max(length, 1), 14);
        g.setColor(Color.BLACK);
        g.drawString(value, LABEL + Math.max(length, 1) + 8, y + 12);
    }
}
