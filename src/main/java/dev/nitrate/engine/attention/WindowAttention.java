package dev.nitrate.engine.attention;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.nitrate.engine.onnx.GraphSession;
import dev.nitrate.engine.onnx.OrtRuntime;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * ColorMNet's local attention computed directly: per position, a softmax over the (2r+1)^2 window
 * of {@code <q_p / sqrt(CK), k_{p+d}> + rel_d(p)} (positions outside the frame excluded), the
 * weighted sum of the memory frame's values, a depthwise 5x5 convolution and a linear layer. The
 * window sums run in Java over element-major values (a few hundred million multiply-adds, split over
 * the cores); the linear layer runs in the engine's {@code linear_transposed} ONNX kernel.
 * The learned weights come from the pack's {@code local_attention} graph (see {@link LocalAttention}).
 */
public final class WindowAttention implements WindowKernel {

    /** Channels per cache block of the window sum (128 floats x h*w elements stays in L2). */
    private static final int BLOCK = 128;

    private final int radius;
    private final int keyChannels;
    private final int channels;
    private final float[] relativeWeight;
    private final float[] relativeBias;
    private final float[] depthwiseByTap;
    private final float[] projection;
    private final float[] projectionBias;
    private final GraphSession linear;

    /**
     * @param relativeWeight {@code [(2r+1)^2, CK]}
     * @param depthwise {@code [C, 5, 5]}
     * @param projection {@code [C_in, C_out]} (multiplied from the right)
     */
    public WindowAttention(int radius, int keyChannels, int channels, float[] relativeWeight, float[] relativeBias,
            float[] depthwise, float[] projection, float[] projectionBias, GraphSession linear) {
        this.radius = radius;
        this.keyChannels = keyChannels;
        this.channels = channels;
        this.relativeWeight = relativeWeight;
        this.relativeBias = relativeBias;
        this.depthwiseByTap = new float[25 * channels];
        for (int c = 0; c < channels; c++) {
            for (int t = 0; t < 25; t++) {
                depthwiseByTap[t * channels + c] = depthwise[c * 25 + t];
            }
        }
        this.projection = projection;
        this.projectionBias = projectionBias;
        this.linear = linear;
    }

    /** {@code [rows, cols]} to {@code [cols, rows]}. */
    public static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }

    /**
     * Attention of query key {@code [CK, h*w]} over the memory key {@code [CK, h*w]} and element-major
     * memory values {@code [h*w, C]}; returns {@code [C, h*w]}.
     */
    @Override
    public float[] compute(float[] query, float[] key, float[] valueByElement, int h, int w) throws OrtException {
        int hw = h * w;
        int window = 2 * radius + 1;
        int offsets = window * window;
        float scale = (float) (1.0 / Math.sqrt(keyChannels));
        float[] logits = new float[offsets * hw];
        float[] queryByElement = transpose(query, keyChannels, hw);
        float[] keyByElement = transpose(key, keyChannels, hw);
        IntStream.range(0, offsets).parallel().forEach(d -> {
            int dy = d / window - radius;
            int dx = d % window - radius;
            int base = d * hw;
            float bias = relativeBias[d];
            for (int p = 0; p < hw; p++) {
                logits[base + p] = bias;
            }
            for (int c = 0; c < keyChannels; c++) {
                float wr = relativeWeight[d * keyChannels + c];
                int qc = c * hw;
                for (int p = 0; p < hw; p++) {
                    logits[base + p] += wr * query[qc + p];
                }
            }
            for (int y = 0; y < h; y++) {
                int yy = y + dy;
                for (int x = 0; x < w; x++) {
                    int xx = x + dx;
                    int p = y * w + x;
                    if (yy < 0 || yy >= h || xx < 0 || xx >= w) {
                        logits[base + p] = Float.NEGATIVE_INFINITY;
                        continue;
                    }
                    int qb = p * keyChannels;
                    int kb = (yy * w + xx) * keyChannels;
                    float dot = 0;
                    for (int c = 0; c < keyChannels; c++) {
                        dot += queryByElement[qb + c] * keyByElement[kb + c];
                    }
                    logits[base + p] += dot * scale;
                }
            }
        });
        float[] weights = new float[hw * offsets];
        int[] sources = new int[hw * offsets];
        int[] counts = new int[hw];
        IntStream.range(0, hw).parallel().forEach(p -> {
            int y = p / w;
            int x = p % w;
            float max = Float.NEGATIVE_INFINITY;
            for (int d = 0; d < offsets; d++) {
                max = Math.max(max, logits[d * hw + p]);
            }
            float total = 0;
            int n = 0;
            for (int d = 0; d < offsets; d++) {
                float l = logits[d * hw + p];
                if (l == Float.NEGATIVE_INFINITY) {
                    continue;
                }
                float e = (float) Math.exp(l - max);
                weights[p * offsets + n] = e;
                sources[p * offsets + n] = (y + d / window - radius) * w + (x + d % window - radius);
                total += e;
                n++;
            }
            for (int i = 0; i < n; i++) {
                weights[p * offsets + i] /= total;
            }
            counts[p] = n;
        });
        float[] aggregated = new float[hw * channels];
        int block = Math.min(channels, BLOCK);
        IntStream.range(0, (channels + block - 1) / block).parallel().forEach(b -> {
            int from = b * block;
            int to = Math.min(channels, from + block);
            for (int p = 0; p < hw; p++) {
                int out = p * channels;
                for (int i = 0; i < counts[p]; i++) {
                    float wd = weights[p * offsets + i];
                    int q = sources[p * offsets + i] * channels;
                    for (int c = from; c < to; c++) {
                        aggregated[out + c] += wd * valueByElement[q + c];
                    }
                }
            }
        });
        float[] convolved = new float[hw * channels];
        IntStream.range(0, hw).parallel().forEach(p -> {
            int y = p / w;
            int x = p % w;
            int out = p * channels;
            for (int ky = 0; ky < 5; ky++) {
                int yy = y + ky - 2;
                if (yy < 0 || yy >= h) {
                    continue;
                }
                for (int kx = 0; kx < 5; kx++) {
                    int xx = x + kx - 2;
                    if (xx < 0 || xx >= w) {
                        continue;
                    }
                    int tap = (ky * 5 + kx) * channels;
                    int in = (yy * w + xx) * channels;
                    for (int c = 0; c < channels; c++) {
                        convolved[out + c] += depthwiseByTap[tap + c] * aggregated[in + c];
                    }
                }
            }
        });
        OrtEnvironment env = OrtRuntime.environment();
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(convolved), new long[] {hw, channels});
                OnnxTensor weight = OnnxTensor.createTensor(env, FloatBuffer.wrap(projection), new long[] {channels, channels});
                OnnxTensor bias = OnnxTensor.createTensor(env, FloatBuffer.wrap(projectionBias), new long[] {channels});
                OrtSession.Result result = linear.run(Map.of("x", x, "weight", weight, "bias", bias))) {
            FloatBuffer y = ((OnnxTensor) result.get("y").orElseThrow()).getFloatBuffer();
            float[] out = new float[y.remaining()];
            y.get(out);
            return out;
        }
    }
}
