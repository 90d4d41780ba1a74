package dev.nitrate.engine.memory;

import java.util.Arrays;

/**
 * Plain-Java memory kernels: the definition the ONNX kernels are tested against. Straightforward
 * loops in double precision; slow for full-size memories.
 */
public final class ReferenceMemoryKernels implements MemoryKernels {

    /** {@code sim[m][n]}: similarity of query m to memory element n. */
    static double[][] similarity(MemoryView memory, float[] queryKey, float[] querySelection, int queries) {
        int ck = memory.keyChannels();
        int n = memory.size();
        double scale = 1.0 / Math.sqrt(ck);
        double[][] sim = new double[queries][n];
        for (int m = 0; m < queries; m++) {
            for (int e = 0; e < n; e++) {
                double sum = 0;
                for (int c = 0; c < ck; c++) {
                    double d = memory.keys().get(memory.keys().position() + e * ck + c) - queryKey[c * queries + m];
                    sum += querySelection[c * queries + m] * d * d;
                }
                sim[m][e] = -sum * memory.shrinkage().get(memory.shrinkage().position() + e) * scale;
            }
        }
        return sim;
    }

    @Override
    public TopKReadout readTopK(MemoryView memory, float[] queryKey, float[] querySelection, int queries, int topK) {
        double[][] sim = similarity(memory, queryKey, querySelection, queries);
        int c = memory.valueChannels();
        float[] readout = new float[c * queries];
        float[] usage = new float[memory.size()];
        float[] topWeight = new float[queries];
        for (int m = 0; m < queries; m++) {
            int[] top = topIndices(sim[m], topK);
            double max = sim[m][top[0]];
            double[] w = new double[top.length];
            double total = 0;
            for (int j = 0; j < top.length; j++) {
                w[j] = Math.exp(sim[m][top[j]] - max);
                total += w[j];
            }
            topWeight[m] = (float) (w[0] / total);
            for (int j = 0; j < top.length; j++) {
                w[j] /= total;
                usage[top[j]] += (float) w[j];
                int base = memory.values().position() + top[j] * c;
                for (int ch = 0; ch < c; ch++) {
                    readout[ch * queries + m] += (float) (w[j] * memory.values().get(base + ch));
                }
            }
        }
        return new TopKReadout(readout, usage, topWeight);
    }

    @Override
    public DenseReadout readDense(MemoryView memory, float[] queryKey, float[] querySelection, int queries) {
        double[][] sim = similarity(memory, queryKey, querySelection, queries);
        int c = memory.valueChannels();
        int n = memory.size();
        float[] readout = new float[c * queries];
        float[] shrinkage = new float[queries];
        for (int m = 0; m < queries; m++) {
            double max = Arrays.stream(sim[m]).max().orElse(0);
            double total = 0;
            double[] w = new double[n];
            for (int e = 0; e < n; e++) {
                w[e] = Math.exp(sim[m][e] - max);
                total += w[e];
            }
            double shrink = 0;
            for (int e = 0; e < n; e++) {
                double weight = w[e] / total;
                shrink += weight * memory.shrinkage().get(memory.shrinkage().position() + e);
                int base = memory.values().position() + e * c;
                for (int ch = 0; ch < c; ch++) {
                    readout[ch * queries + m] += (float) (weight * memory.values().get(base + ch));
                }
            }
            shrinkage[m] = (float) shrink;
        }
        return new DenseReadout(readout, shrinkage);
    }

    /** Indices of the k largest values, largest first; ties go to the lower index. */
    static int[] topIndices(double[] values, int k) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> values[a] != values[b] ? Double.compare(values[b], values[a]) : Integer.compare(a, b));
        int[] top = new int[Math.min(k, values.length)];
        for (int i = 0; i < top.length; i++) {
            top[i] = order[i];
        }
        return top;
    }
}
