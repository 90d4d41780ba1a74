package dev.nitrate.engine.video;

import java.util.Arrays;
import java.util.Objects;

/**
 * The presentation time of every frame of a film whose frames are not evenly spaced (variable frame rate).
 *
 * @param timeBase the unit of the timestamps, in seconds (e.g. 1/25 or 1/1000)
 * @param pts the timestamp of each frame in display order, rising
 * @param endPts the timestamp where the last frame ends
 */
public record FrameTimes(Rational timeBase, long[] pts, long endPts) {

    public FrameTimes {
        Objects.requireNonNull(timeBase, "timeBase");
        pts = pts.clone();
        for (int i = 1; i < pts.length; i++) {
            if (pts[i] <= pts[i - 1]) {
                throw new IllegalArgumentException("frame timestamps must rise: " + pts[i - 1] + " then " + pts[i]);
            }
        }
        if (pts.length > 0 && endPts <= pts[pts.length - 1]) {
            throw new IllegalArgumentException("the end " + endPts + " must follow the last frame's timestamp " + pts[pts.length - 1]);
        }
    }

    @Override
    public long[] pts() {
        return pts.clone();
    }

    /** The number of frames. */
    public int frameCount() {
        return pts.length;
    }

    /** Timestamp of a frame, in {@link #timeBase()} units. */
    public long ptsOf(int frame) {
        return pts[frame];
    }

    /** Seconds from the start of frame 0 to the start of the given frame ({@code frameCount()} gives the end). */
    public double secondsAt(long frame) {
        long at = frame >= pts.length ? endPts : pts[(int) frame];
        return (at - pts[0]) * (double) timeBase.numerator() / timeBase.denominator();
    }

    /** The frames {@code first..last}, with timestamps counted from the first of them. */
    public FrameTimes slice(long first, long last) {
        long origin = pts[(int) first];
        long[] part = new long[(int) (last - first + 1)];
        for (int i = 0; i < part.length; i++) {
            part[i] = pts[(int) first + i] - origin;
        }
        long end = last + 1 < pts.length ? pts[(int) last + 1] : endPts;
        return new FrameTimes(timeBase, part, end - origin);
    }

    /**
     * The timestamps of a film if they are uneven, or null when they fit a constant rate. Uneven: a step between two frames differs
     * from the median step (by any tick when that is one or two ticks, else by more than an eighth of it and more than a tick of
     * rounding), or a frame drifts more than half a frame (and a tick) from an even grid from the first frame to the last.
     */
    static FrameTimes ifVariable(Rational timeBase, long[] sortedPts, long endPts) {
        int n = sortedPts.length;
        if (n < 3) {
            return null;
        }
        long[] steps = new long[n - 1];
        for (int i = 1; i < n; i++) {
            steps[i - 1] = sortedPts[i] - sortedPts[i - 1];
        }
        long[] sortedSteps = steps.clone();
        Arrays.sort(sortedSteps);
        long median = sortedSteps[sortedSteps.length / 2];
        double stepTolerance = median <= 2 ? 0 : Math.max(1.0, median / 8.0);
        boolean uneven = false;
        for (long step : steps) {
            uneven |= Math.abs(step - median) > stepTolerance;
        }
        double spacing = (sortedPts[n - 1] - sortedPts[0]) / (double) (n - 1);
        double driftTolerance = Math.max(1.0, spacing / 2);
        for (int i = 0; i < n && !uneven; i++) {
            uneven = Math.abs(sortedPts[i] - (sortedPts[0] + i * spacing)) > driftTolerance;
        }
        return uneven ? new FrameTimes(timeBase, sortedPts, Math.max(endPts, sortedPts[n - 1] + median)) : null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FrameTimes that && timeBase.equals(that.timeBase) && endPts == that.endPts && Arrays.equals(pts, that.pts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeBase, endPts, Arrays.hashCode(pts));
    }

    @Override
    public String toString() {
        return "FrameTimes[" + pts.length + " frames in units of " + timeBase + "s, end " + endPts + "]";
    }
}
