package dev.nitrate.engine.metrics;

/**
 * Finds hard cuts in a stream of frames: a frame starts a new shot when its colour
 * histogram (16 bins per RGB channel) differs from the previous frame's by more than a
 * threshold, measured as half the L1 distance averaged over channels (0 = same distribution,
 * 1 = disjoint). Gradual transitions (fades, dissolves) are not detected.
 */
public final class HardCutDetector {

    /** The default threshold; motion within a shot stays well below it. */
    public static final double DEFAULT_THRESHOLD = 0.4;

    private static final int BINS = 16;

    private final double threshold;
    private double[] previous;
    private double lastDistance;

    public HardCutDetector() {
        this(DEFAULT_THRESHOLD);
    }

    public HardCutDetector(double threshold) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("cut threshold must be in (0, 1), got " + threshold);
        }
        this.threshold = threshold;
    }

    /** Takes the next frame; true when it starts a new shot (the first frame does not: it starts the first). */
    public boolean startsNewShot(RgbFrame frame) {
        double[] histogram = coarseHistogram(frame);
        boolean cut = false;
        if (previous != null) {
            lastDistance = distance(previous, histogram);
            cut = lastDistance > threshold;
        }
        previous = histogram;
        return cut;
    }

    /** The distance between the last two frames given, in [0, 1]. */
    public double lastDistance() {
        return lastDistance;
    }

    private static double[] coarseHistogram(RgbFrame frame) {
        double[] h = new double[3 * BINS];
        byte[] p = frame.rgb();
        for (int j = 0; j < p.length; j += 3) {
            h[(p[j] & 0xFF) / (256 / BINS)]++;
            h[BINS + (p[j + 1] & 0xFF) / (256 / BINS)]++;
            h[2 * BINS + (p[j + 2] & 0xFF) / (256 / BINS)]++;
        }
        double n = frame.pixelCount();
        for (int i = 0; i < h.length; i++) {
            h[i] /= n;
        }
        return h;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / 2 / 3;
    }
}
