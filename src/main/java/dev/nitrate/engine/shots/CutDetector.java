package dev.nitrate.engine.shots;

import dev.nitrate.engine.video.RgbPixels;

/**
 * Finds hard cuts frame by frame. Each frame is reduced to a 32x18 grid of mean luma; the
 * difference of two frames is the mean absolute difference of their grids (0-255). A frame starts
 * a new shot when that difference is large in absolute terms ({@link #MIN_CUT_DIFFERENCE}) and
 * large against the recent motion ({@link #MOTION_RATIO} times the mean difference of the
 * previous {@link #HISTORY} frames), so camera and subject motion do not read as cuts.
 */
public final class CutDetector {

    public static final int GRID_WIDTH = 32;
    public static final int GRID_HEIGHT = 18;
    public static final double MIN_CUT_DIFFERENCE = 18.0;
    public static final double MOTION_RATIO = 3.0;
    public static final int HISTORY = 8;

    private float[] previous;
    private final double[] recent = new double[HISTORY];
    private int recentCount;

    /** Feeds the next frame; returns whether it begins a new shot (the first frame fed never does). */
    public boolean isCut(RgbPixels frame) {
        float[] grid = grid(frame);
        if (previous == null) {
            previous = grid;
            return false;
        }
        double difference = 0;
        for (int i = 0; i < grid.length; i++) {
            difference += Math.abs(grid[i] - previous[i]);
        }
        difference /= grid.length;
        previous = grid;
        double motion = 0;
        for (int i = 0; i < recentCount; i++) {
            motion += recent[i];
        }
        motion = recentCount == 0 ? 0 : motion / recentCount;
        boolean cut = difference >= MIN_CUT_DIFFERENCE && difference >= MOTION_RATIO * motion;
        if (cut) {
            recentCount = 0;
        } else {
            System.arraycopy(recent, 0, recent, 1, HISTORY - 1);
            recent[0] = difference;
            recentCount = Math.min(HISTORY, recentCount + 1);
        }
        return cut;
    }

    static float[] grid(RgbPixels frame) {
        byte[] rgb = frame.toRgb8();
        int width = frame.width();
        int height = frame.height();
        float[] sums = new float[GRID_WIDTH * GRID_HEIGHT];
        int[] counts = new int[GRID_WIDTH * GRID_HEIGHT];
        int step = Math.max(1, Math.min(width, height) / 180);
        for (int y = 0; y < height; y += step) {
            int gy = y * GRID_HEIGHT / height;
            for (int x = 0; x < width; x += step) {
                int gx = x * GRID_WIDTH / width;
                int i = (y * width + x) * 3;
                float luma = 0.2126f * (rgb[i] & 0xFF) + 0.7152f * (rgb[i + 1] & 0xFF) + 0.0722f * (rgb[i + 2] & 0xFF);
                sums[gy * GRID_WIDTH + gx] += luma;
                counts[gy * GRID_WIDTH + gx]++;
            }
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] = counts[i] == 0 ? 0 : sums[i] / counts[i];
        }
        return sums;
    }
}
