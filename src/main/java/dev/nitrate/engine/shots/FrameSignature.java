package dev.nitrate.engine.shots;

import dev.nitrate.engine.video.RgbPixels;

/**
 * What the cut detector keeps of a frame: a 32x18 grid of mean luma (0-255) and how much fine detail
 * the frame has across and down (motion blur lowers the detail along the motion). Two differences
 * compare signatures: one on the grid's structure (each grid normalised to zero mean and unit spread, so a change
 * of exposure or a flash that lights the whole frame does not count) and one on the plain luma.
 * Both are the smallest mean absolute difference over shifts of up to {@link #MAX_SHIFT_X} by
 * {@link #MAX_SHIFT_Y} cells, so a pan, even a fast one, compares the frames where they overlap.
 *
 * @param cells mean luma per cell, row by row
 * @param mean the mean of the cells
 * @param normalised the cells minus their mean, divided by their spread (at least {@link #MIN_SPREAD})
 * @param detailAcross mean absolute luma step between horizontal neighbours, on the frame scaled to
 *     at most {@link #DETAIL_WIDTH} pixels wide
 * @param detailDown the same between vertical neighbours
 */
public record FrameSignature(float[] cells, float mean, float[] normalised, double detailAcross, double detailDown) {

    public static final int WIDTH = 32;
    public static final int HEIGHT = 18;
    public static final int MAX_SHIFT_X = 8;
    public static final int MAX_SHIFT_Y = 4;
    /** Spread below which a grid is treated as flat, so noise on a near-uniform frame is not magnified. */
    public static final float MIN_SPREAD = 8f;
    public static final int DETAIL_WIDTH = 320;

    /** The signature of one frame. */
    public static FrameSignature of(RgbPixels frame) {
        byte[] rgb = frame.toRgb8();
        int width = frame.width();
        int height = frame.height();
        float[] sums = new float[WIDTH * HEIGHT];
        int[] counts = new int[WIDTH * HEIGHT];
        int step = Math.max(1, Math.min(width, height) / 180);
        for (int y = 0; y < height; y += step) {
            int gy = y * HEIGHT / height;
            for (int x = 0; x < width; x += step) {
                int gx = x * WIDTH / width;
                sums[gy * WIDTH + gx] += luma(rgb, y * width + x);
                counts[gy * WIDTH + gx]++;
            }
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] = counts[i] == 0 ? 0 : sums[i] / counts[i];
        }
        int detailStep = Math.max(1, (width + DETAIL_WIDTH - 1) / DETAIL_WIDTH);
        double across = 0;
        double down = 0;
        long pairs = 0;
        for (int y = 0; y + detailStep < height; y += detailStep) {
            for (int x = 0; x + detailStep < width; x += detailStep) {
                float here = luma(rgb, y * width + x);
                across += Math.abs(luma(rgb, y * width + x + detailStep) - here);
                down += Math.abs(luma(rgb, (y + detailStep) * width + x) - here);
                pairs++;
            }
        }
        return of(sums, pairs == 0 ? 0 : across / pairs, pairs == 0 ? 0 : down / pairs);
    }

    private static float luma(byte[] rgb, int pixel) {
        int i = pixel * 3;
        return 0.2126f * (rgb[i] & 0xFF) + 0.7152f * (rgb[i + 1] & 0xFF) + 0.0722f * (rgb[i + 2] & 0xFF);
    }

    static FrameSignature of(float[] cells, double detailAcross, double detailDown) {
        double sum = 0;
        for (float v : cells) {
            sum += v;
        }
        float mean = (float) (sum / cells.length);
        double squares = 0;
        for (float v : cells) {
            squares += (v - mean) * (v - mean);
        }
        float spread = (float) Math.max(MIN_SPREAD, Math.sqrt(squares / cells.length));
        float[] normalised = new float[cells.length];
        for (int i = 0; i < cells.length; i++) {
            normalised[i] = (cells[i] - mean) / spread;
        }
        return new FrameSignature(cells, mean, normalised, detailAcross, detailDown);
    }

    /** Structure difference to {@code other}: about 0.1 for two frames of one take, near 1 for unrelated pictures. */
    public double structureDifference(FrameSignature other) {
        return smallestShiftedDifference(normalised, other.normalised);
    }

    /** Plain luma difference to {@code other}, in code values. */
    public double lumaDifference(FrameSignature other) {
        return smallestShiftedDifference(cells, other.cells);
    }

    /**
     * Whether this frame is smeared against {@code sharp}: it has less than {@code ratio} times the
     * other's detail across or down.
     */
    public boolean blurredAgainst(FrameSignature sharp, double ratio) {
        return detailAcross < ratio * sharp.detailAcross || detailDown < ratio * sharp.detailDown;
    }

    private static double smallestShiftedDifference(float[] a, float[] b) {
        double best = Double.MAX_VALUE;
        for (int dy = -MAX_SHIFT_Y; dy <= MAX_SHIFT_Y; dy++) {
            for (int dx = -MAX_SHIFT_X; dx <= MAX_SHIFT_X; dx++) {
                best = Math.min(best, shiftedDifference(a, b, dx, dy));
            }
        }
        return best;
    }

    private static double shiftedDifference(float[] a, float[] b, int dx, int dy) {
        double sum = 0;
        int count = 0;
        for (int y = Math.max(0, -dy); y < Math.min(HEIGHT, HEIGHT - dy); y++) {
            int rowA = y * WIDTH;
            int rowB = (y + dy) * WIDTH;
            for (int x = Math.max(0, -dx); x < Math.min(WIDTH, WIDTH - dx); x++) {
                sum += Math.abs(a[rowA + x] - b[rowB + x + dx]);
                count++;
            }
        }
        return sum / count;
    }
}
