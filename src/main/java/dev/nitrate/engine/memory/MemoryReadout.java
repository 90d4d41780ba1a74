package dev.nitrate.engine.memory;

/**
 * What one frame's queries read from the memory: the readout the decoder takes and, per query position, how
 * peaked the readout's softmax was.
 *
 * <p>The confidence of query {@code m} is its softmax's peak against a flat softmax:
 * {@code (p_max - 1/k) / (1 - 1/k)}, where {@code p_max} is the largest of its {@code k} softmax weights over the
 * top-k memory elements ({@code k = min(top_k, memory size)}). It is 1 when one memory element takes all the
 * weight and 0 when all {@code k} weigh the same; 1 when {@code k = 1}. Clamped to [0, 1] against rounding.
 *
 * @param values the readout, {@code C x M} channel-major, as the decoder reads it
 * @param confidence per query position ({@code M}), in [0, 1]
 */
public record MemoryReadout(float[] values, float[] confidence) {

    /** The confidences of the queries whose largest softmax weights over {@code kept} elements are {@code topWeights}. */
    public static float[] confidence(float[] topWeights, int kept) {
        if (kept < 1) {
            throw new IllegalArgumentException("a readout keeps at least one element, got " + kept);
        }
        float[] out = new float[topWeights.length];
        if (kept == 1) {
            java.util.Arrays.fill(out, 1f);
            return out;
        }
        double flat = 1.0 / kept;
        double range = 1.0 - flat;
        for (int m = 0; m < out.length; m++) {
            double c = (topWeights[m] - flat) / range;
            out[m] = (float) Math.min(1.0, Math.max(0.0, c));
        }
        return out;
    }
}
