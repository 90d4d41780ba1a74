package dev.nitrate.engine.cluster;

import dev.nitrate.engine.shots.Shot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Scaling on paper: for a shot list and a measured time per frame, the makespan of a render split into
 * one part per node (by {@link PartBalancer}) and its efficiency, for 1 to N nodes. A part's time is
 * its start-up (JVM, pack, opening the film) plus its frames times the time per frame; the longest
 * part sets the makespan, and since shots are never split the longest shot bounds it from below.
 */
public final class ScalingSimulator {

    /**
     * One line of the table.
     *
     * @param nodes nodes (one part each)
     * @param parts parts actually made (fewer than nodes when the film has fewer shots)
     * @param longestPartFrames frames in the longest part
     * @param makespanSeconds start-up plus the longest part's frames
     * @param speedup the one-node makespan over this makespan
     * @param efficiency speedup per node
     */
    public record Row(int nodes, int parts, long longestPartFrames, double makespanSeconds, double speedup, double efficiency) {}

    private ScalingSimulator() {}

    /** Rows for 1, 2, 4, ... nodes up to {@code maxNodes} (which is always included). */
    public static List<Row> table(List<Shot> shots, int maxNodes, double secondsPerFrame, double startupSeconds) {
        if (maxNodes < 1) {
            throw new IllegalArgumentException("--simulate " + maxNodes + ": must be at least 1 node");
        }
        if (!(secondsPerFrame > 0) || startupSeconds < 0) {
            throw new IllegalArgumentException("the time per frame must be above 0 and the start-up time at least 0");
        }
        List<Integer> counts = new ArrayList<>();
        for (int n = 1; n < maxNodes; n *= 2) {
            counts.add(n);
        }
        counts.add(maxNodes);
        long total = shots.stream().mapToLong(Shot::frameCount).sum();
        double single = startupSeconds + total * secondsPerFrame;
        List<Row> rows = new ArrayList<>();
        for (int nodes : counts) {
            List<ClusterPlan.Part> parts = PartBalancer.byCount(shots, nodes);
            long longest = parts.stream().mapToLong(ClusterPlan.Part::frames).max().orElse(0);
            double makespan = startupSeconds + longest * secondsPerFrame;
            rows.add(new Row(nodes, parts.size(), longest, makespan, single / makespan, single / makespan / nodes));
        }
        return rows;
    }

    /** The table as text, with the film's totals and the limit its longest shot sets. */
    public static String format(List<Shot> shots, List<Row> rows, double secondsPerFrame, double startupSeconds) {
        long total = shots.stream().mapToLong(Shot::frameCount).sum();
        long longestShot = shots.stream().mapToLong(Shot::frameCount).max().orElse(0);
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%d shot%s, %d frames, longest shot %d frames; %.3f s per frame, %.0f s start-up per part%n",
                shots.size(), shots.size() == 1 ? "" : "s", total, longestShot, secondsPerFrame, startupSeconds));
        text.append("| nodes | parts | longest part (frames) | makespan | speed-up | efficiency |\n");
        text.append("|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            text.append(String.format(Locale.ROOT, "| %d | %d | %d | %s | %.1f | %.0f%% |%n", row.nodes(), row.parts(), row.longestPartFrames(),
                    duration(row.makespanSeconds()), row.speedup(), row.efficiency() * 100));
        }
        double floor = startupSeconds + longestShot * secondsPerFrame;
        text.append(String.format(Locale.ROOT, "limit: no number of nodes renders faster than the longest shot, %s (speed-up at most %.1f)%n",
                duration(floor), (startupSeconds + total * secondsPerFrame) / floor));
        return text.toString();
    }

    /**
     * A made-up feature film for planning: {@code count} shots whose lengths follow a log-normal
     * distribution with a median of 96 frames (4 s at 24 fps) and sigma 0.8, at least 12 frames each.
     */
    public static List<Shot> syntheticFeature(int count, long seed) {
        Random random = new Random(seed);
        List<Shot> shots = new ArrayList<>();
        long first = 0;
        for (int i = 0; i < count; i++) {
            long length = Math.max(12, Math.round(96 * Math.exp(0.8 * random.nextGaussian())));
            shots.add(new Shot(first, first + length - 1));
            first += length;
        }
        return shots;
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return s + " s";
    }
}
