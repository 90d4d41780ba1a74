package dev.nitrate.engine.cluster;

import dev.nitrate.engine.shots.Shot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits shots into parts of whole shots with about the same number of frames: longest processing time
 * first (each shot, longest first, goes to the part with the fewest frames so far). No part is empty;
 * the longest shot is a lower bound on the longest part.
 */
public final class PartBalancer {

    private PartBalancer() {}

    /** {@code parts} parts (fewer when there are fewer shots), each part's shots in frame order. */
    public static List<ClusterPlan.Part> byCount(List<Shot> shots, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("--parts " + parts + ": must be at least 1");
        }
        if (shots.isEmpty()) {
            throw new IllegalArgumentException("the film has no shots to render");
        }
        int count = Math.min(parts, shots.size());
        List<List<Shot>> groups = new ArrayList<>();
        long[] frames = new long[count];
        for (int i = 0; i < count; i++) {
            groups.add(new ArrayList<>());
        }
        List<Shot> longestFirst = shots.stream()
                .sorted(Comparator.comparingLong(Shot::frameCount).reversed().thenComparingLong(Shot::first)).toList();
        for (Shot shot : longestFirst) {
            int lightest = 0;
            for (int i = 1; i < count; i++) {
                if (frames[i] < frames[lightest]) {
                    lightest = i;
                }
            }
            groups.get(lightest).add(shot);
            frames[lightest] += shot.frameCount();
        }
        List<ClusterPlan.Part> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            result.add(new ClusterPlan.Part(i, groups.get(i).stream().sorted(Comparator.comparingLong(Shot::first)).toList()));
        }
        return result;
    }

    /**
     * The fewest parts (by {@link #byCount}) whose longest part has at most {@code maxFrames} frames, or, when
     * a shot alone is longer, whose every part over the limit is one shot (shots are never split).
     */
    public static List<ClusterPlan.Part> byMaxFrames(List<Shot> shots, long maxFrames) {
        if (maxFrames < 1) {
            throw new IllegalArgumentException("--max-frames-per-part " + maxFrames + ": must be at least 1");
        }
        long longShots = shots.stream().filter(shot -> shot.frameCount() > maxFrames).count();
        long rest = shots.stream().mapToLong(Shot::frameCount).filter(frames -> frames <= maxFrames).sum();
        int count = (int) Math.max(1, Math.min(shots.size(), longShots + (rest + maxFrames - 1) / maxFrames));
        while (true) {
            List<ClusterPlan.Part> parts = byCount(shots, count);
            boolean fits = parts.stream().allMatch(part -> part.frames() <= maxFrames || part.shots().size() == 1);
            if (fits || count >= shots.size()) {
                return parts;
            }
            count++;
        }
    }
}
