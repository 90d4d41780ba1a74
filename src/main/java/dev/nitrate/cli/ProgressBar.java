package dev.nitrate.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** A one-line progress bar with speed and ETA, redrawn in place on stderr at most five times a second. */
final class ProgressBar {

    private static final int WIDTH = 30;
    private final PrintWriter err;
    private String label;
    private long lastDrawn;
    private boolean drawn;

    ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    void update(long done, long total, double framesPerSecond, Optional<Duration> eta) {
        long now = System.nanoTime();
        if (drawn && done < total && now - lastDrawn < 200_000_000L) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        String speed = framesPerSecond > 0 ? String.format(Locale.ROOT, "  %.1f fps", framesPerSecond) : "";
        String remaining = eta.map(d -> "  ETA " + clock(d.toMillis() / 1000.0)).orElse("");
        err.printf(Locale.ROOT, "\r%-8s [%s] %3d%%  %d/%d%s%s   ", label, bar, Math.round(fraction * 100), done, total, speed, remaining);
        err.flush();
    }

    void relabel(String newLabel) {
        label = newLabel;
    }

    void finish() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }

    /** {@code H:MM:SS.mmm}. */
    static String clock(double seconds) {
        long millis = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%d:%02d:%02d.%03d", millis / 3_600_000, (millis / 60_000) % 60, (millis / 1000) % 60, millis % 1000);
    }
}
