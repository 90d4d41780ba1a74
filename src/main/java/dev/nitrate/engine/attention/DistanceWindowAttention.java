package dev.nitrate.engine.attention;

import ai.onnxruntime.OrtException;
import dev.nitrate.engine.onnx.GraphSession;
import java.util.Random;

/**
 * Local attention of the distance form (the built-in pack's): per position p, a softmax over the
 * (2r+1)^2 window of {@code -s * |k_{p+d} - q_p|^2}; window positions outside the frame take the
 * zero-padded key and value and the logit {@code -s * |q_p|^2 - mask} (so they only add to the
 * denominator), and the output is the weighted sum of the memory values. No learned weights: the
 * sharpness {@code s} is measured from the pack's graph, and the kernel is kept only when it
 * reproduces the graph on random probes within 1e-4 (see {@link #fitTo}).
 */
public final class DistanceWindowAttention implements WindowKernel {

    /** The logit penalty of window positions outside the frame (the built-in graph's {@code (valid - 1) * 1e4}). */
    static final double OUTSIDE_PENALTY = 1e4;

    private final int radius;
    private final int keyChannels;
    private final int channels;
    private final double sharpness;
    private final double outsidePenalty;
    private Workers workers = new Workers(1);

    DistanceWindowAttention(int radius, int keyChannels, int channels, double sharpness, double outsidePenalty) {
        this.radius = radius;
        this.keyChannels = keyChannels;
        this.channels = channels;
        this.sharpness = sharpness;
        this.outsidePenalty = outsidePenalty;
    }

    /** Splits the positions over {@code workers} (owned by the caller). */
    public void useWorkers(Workers workers) {
        this.workers = workers;
    }

    /** The measured sharpness {@code s}. */
    public double sharpness() {
        return sharpness;
    }

    @Override
    public float[] compute(float[] query, float[] key, float[] valueByElement, int h, int w) {
        int hw = h * w;
        int window = 2 * radius + 1;
        int offsets = window * window;
        int ck = keyChannels;
        float[] queryByElement = WindowAttention.transpose(query, ck, hw);
        float[] keyByElement = WindowAttention.transpose(key, ck, hw);
        float[] out = new float[channels * hw];
        workers.split(hw, (from, to) -> computeRange(queryByElement, keyByElement, valueByElement, h, w, offsets, out, from, to));
        return out;
    }

    private void computeRange(float[] queryByElement, float[] keyByElement, float[] valueByElement, int h, int w, int offsets,
            float[] out, int from, int to) {
        int hw = h * w;
        int ck = keyChannels;
        double[] logits = new double[offsets];
        int[] sources = new int[offsets];
        double[] acc = new double[channels];
        for (int p = from; p < to; p++) {
            int y = p / w;
            int x = p % w;
            int qb = p * ck;
            double queryNorm = 0;
            for (int c = 0; c < ck; c++) {
                double v = queryByElement[qb + c];
                queryNorm += v * v;
            }
            double outsideLogit = -sharpness * queryNorm - outsidePenalty;
            double max = Double.NEGATIVE_INFINITY;
            int inside = 0;
            for (int dy = -radius; dy <= radius; dy++) {
                int yy = y + dy;
                if (yy < 0 || yy >= h) {
                    continue;
                }
                for (int dx = -radius; dx <= radius; dx++) {
                    int xx = x + dx;
                    if (xx < 0 || xx >= w) {
                        continue;
                    }
                    int q = yy * w + xx;
                    int kb = q * ck;
                    double distance = 0;
                    for (int c = 0; c < ck; c++) {
                        double diff = keyByElement[kb + c] - queryByElement[qb + c];
                        distance += diff * diff;
                    }
                    double logit = -sharpness * distance;
                    logits[inside] = logit;
                    sources[inside] = q;
                    inside++;
                    max = Math.max(max, logit);
                }
            }
            int outside = offsets - inside;
            if (outside > 0) {
                max = Math.max(max, outsideLogit);
            }
            double total = outside > 0 ? outside * Math.exp(outsideLogit - max) : 0;
            java.util.Arrays.fill(acc, 0);
            for (int i = 0; i < inside; i++) {
                double e = Math.exp(logits[i] - max);
                total += e;
                if (e < 1e-30) {
                    continue;
                }
                int vb = sources[i] * channels;
                for (int c = 0; c < channels; c++) {
                    acc[c] += e * valueByElement[vb + c];
                }
            }
            double norm = 1.0 / total;
            for (int c = 0; c < channels; c++) {
                out[c * hw + p] = (float) (acc[c] * norm);
            }
        }
    }

    /**
     * Measures the sharpness of a distance-form local-attention graph and returns the kernel if it
     * reproduces the graph within 1e-4 on two random probes (one in the sharp regime of unit-scale
     * keys, one scaled so that the softmax mixes many window positions); {@code null} otherwise.
     */
    public static DistanceWindowAttention fitTo(GraphSession graph, int radius, int keyChannels, int objects, int valueChannels) {
        int c = objects * valueChannels;
        try {
            double sharpness = measureSharpness(graph, radius, keyChannels, objects, valueChannels);
            if (!(sharpness > 0) || Double.isInfinite(sharpness)) {
                return null;
            }
            var kernel = new DistanceWindowAttention(radius, keyChannels, c, sharpness, OUTSIDE_PENALTY);
            double mixing = Math.sqrt(2.0 / (sharpness * keyChannels));
            for (double spread : new double[] {1.0, mixing}) {
                if (!agrees(kernel, graph, keyChannels, objects, valueChannels, spread)) {
                    return null;
                }
            }
            return kernel;
        } catch (OrtException | RuntimeException e) {
            return null;
        }
    }

    private static boolean agrees(DistanceWindowAttention kernel, GraphSession graph, int keyChannels, int objects,
            int valueChannels, double spread) throws OrtException {
        int c = objects * valueChannels;
        int h = 7;
        int w = 10;
        Random random = new Random(5);
        float[] q = gaussian(random, keyChannels * h * w, spread);
        float[] k = gaussian(random, keyChannels * h * w, spread);
        float[] v = gaussian(random, c * h * w, 1.0);
        float[] expected = LocalAttention.runGraph(graph, q, k, v, keyChannels, objects, valueChannels, h, w);
        float[] actual = kernel.compute(q, k, WindowAttention.transpose(v, c, h * w), h, w);
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= 1e-4 * Math.max(1.0, Math.abs(expected[i])))) {
                return false;
            }
        }
        return true;
    }

    /**
     * On a 1x2 grid with zero queries, memory keys 0 and {@code delta * e_0} and a value 1 only at
     * the second position, the graph's output is {@code sigmoid(-s * delta^2)} (the outside positions
     * weigh {@code e^-1e4}): solved for {@code s}, with {@code delta^2} tuned until that weight is well inside (0, 1).
     */
    static double measureSharpness(GraphSession graph, int radius, int keyChannels, int objects, int valueChannels)
            throws OrtException {
        double squared = 1e4;
        double sharpness = Double.NaN;
        for (int attempt = 0; attempt < 16; attempt++) {
            squared = representable(squared);
            double weight = probeWeight(graph, keyChannels, objects, valueChannels, squared);
            if (weight > 1e-4 && weight < 0.5) {
                sharpness = Math.log((1 - weight) / weight) / squared;
                break;
            }
            squared = weight >= 0.5 ? squared * 100 : squared / 100;
            if (squared > 1e12) {
                return Double.NaN;
            }
        }
        if (Double.isNaN(sharpness)) {
            return sharpness;
        }
        squared = representable(Math.log(9) / sharpness);
        double weight = probeWeight(graph, keyChannels, objects, valueChannels, squared);
        return Math.log((1 - weight) / weight) / squared;
    }

    /** The nearest {@code delta^2} whose {@code delta} is exact in float. */
    private static double representable(double squared) {
        double delta = (float) Math.sqrt(squared);
        return delta * delta;
    }

    private static double probeWeight(GraphSession graph, int keyChannels, int objects, int valueChannels, double squared)
            throws OrtException {
        int hw = 2;
        float[] q = new float[keyChannels * hw];
        float[] k = new float[keyChannels * hw];
        k[1] = (float) Math.sqrt(squared);
        float[] v = new float[objects * valueChannels * hw];
        v[1] = 1f;
        float[] out = LocalAttention.runGraph(graph, q, k, v, keyChannels, objects, valueChannels, 1, 2);
        return out[0];
    }

    private static float[] gaussian(Random random, int n, double spread) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * spread);
        }
        return v;
    }
}
