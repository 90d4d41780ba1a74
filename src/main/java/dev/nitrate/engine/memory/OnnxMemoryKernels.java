package dev.nitrate.engine.memory;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.nitrate.engine.colorize.PackException;
import dev.nitrate.engine.onnx.GraphSession;
import dev.nitrate.engine.onnx.GraphSource;
import dev.nitrate.engine.onnx.OrtRuntime;
import dev.nitrate.engine.onnx.SessionOpener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Map;

/**
 * The memory kernels as the engine's weight-free ONNX graphs ({@code memory_readout.onnx},
 * {@code memory_readout_dense.onnx}, written by {@code onnx/kernels/make_kernels.py}), run on the
 * same device as the networks. Memory tensors are views of the bank's direct buffers: nothing is copied in.
 *
 * <p>Queries are read out in blocks ({@link QueryBlocks}) whose working tensors fit a memory budget, so that a
 * 1080p frame against a full memory does not hold its whole affinity matrix at once. Each block's usage is
 * the next block's {@code usage_in}, so usage is summed in the same order as in one run: the blocked
 * readout and usage are bit for bit those of the unblocked computation.
 */
public final class OnnxMemoryKernels implements MemoryKernels {

    static final String RESOURCE_ROOT = "/dev/nitrate/engine/kernels/";

    private final GraphSession topK;
    private final GraphSession dense;
    private final long budgetBytes;

    private OnnxMemoryKernels(GraphSession topK, GraphSession dense, long budgetBytes) {
        this.topK = topK;
        this.dense = dense;
        this.budgetBytes = budgetBytes;
    }

    /** Opens both kernel graphs with the given opener (device and threads) and the default readout budget. */
    public static OnnxMemoryKernels open(SessionOpener opener) throws PackException {
        return open(opener, QueryBlocks.DEFAULT_BUDGET_BYTES);
    }

    /**
     * Opens both kernel graphs.
     *
     * @param budgetBytes memory for one block of a readout's working tensors (similarities, picked values);
     *     the queries are split into as many blocks as that needs
     */
    public static OnnxMemoryKernels open(SessionOpener opener, long budgetBytes) throws PackException {
        if (budgetBytes < 1) {
            throw new IllegalArgumentException("readout budget must be positive, got " + budgetBytes);
        }
        GraphSession topK = opener.open("memory_readout", kernel("memory_readout.onnx"));
        try {
            return new OnnxMemoryKernels(topK, opener.open("memory_readout_dense", kernel("memory_readout_dense.onnx")), budgetBytes);
        } catch (PackException | RuntimeException e) {
            topK.close();
            throw e;
        }
    }

    /** One of the engine's kernel graphs, from {@code /dev/nitrate/engine/kernels/}. */
    public static GraphSource kernel(String file) {
        try (InputStream in = OnnxMemoryKernels.class.getResourceAsStream(RESOURCE_ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("engine kernel " + RESOURCE_ROOT + file + " is missing from the application");
            }
            return new GraphSource.FromBytes(RESOURCE_ROOT + file, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public TopKReadout readTopK(MemoryView memory, float[] queryKey, float[] querySelection, int queries, int k) throws MemoryException {
        OrtEnvironment env = OrtRuntime.environment();
        int ck = memory.keyChannels();
        int c = memory.valueChannels();
        int kept = Math.min(k, memory.size());
        QueryBlocks blocks = QueryBlocks.forBudget(queries, memory.size(), kept, c, budgetBytes);
        float[] readout = new float[c * queries];
        float[] usage = new float[memory.size()];
        float[] topWeight = new float[queries];
        try (OnnxTensor key = memoryTensor(env, memory.keys(), memory.size(), ck);
                OnnxTensor shrink = memoryTensor(env, memory.shrinkage(), memory.size(), 1);
                OnnxTensor value = memoryTensor(env, memory.values(), memory.size(), c);
                OnnxTensor kk = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {kept}), new long[] {1})) {
            for (int b = 0; b < blocks.count(); b++) {
                int m = blocks.size(b);
                try (OnnxTensor qk = queryTensor(env, blocks.slice(queryKey, ck, b), ck, m);
                        OnnxTensor qs = queryTensor(env, blocks.slice(querySelection, ck, b), ck, m);
                        OnnxTensor usageIn = OnnxTensor.createTensor(env, FloatBuffer.wrap(usage), new long[] {memory.size()});
                        OrtSession.Result result = topK.run(Map.of(
                                "memory_key", key, "memory_shrinkage", shrink, "memory_value", value,
                                "query_key", qk, "query_selection", qs, "top_k", kk, "usage_in", usageIn))) {
                    blocks.place(floats(result, "readout"), readout, c, b);
                    blocks.place(floats(result, "top_weight"), topWeight, 1, b);
                    usage = floats(result, "usage");
                }
            }
            return new TopKReadout(readout, usage, topWeight);
        } catch (OrtException e) {
            throw new MemoryException("memory readout failed: " + e.getMessage(), e);
        }
    }

    @Override
    public DenseReadout readDense(MemoryView memory, float[] queryKey, float[] querySelection, int queries) throws MemoryException {
        OrtEnvironment env = OrtRuntime.environment();
        int ck = memory.keyChannels();
        int c = memory.valueChannels();
        QueryBlocks blocks = QueryBlocks.forBudget(queries, memory.size(), 0, c, budgetBytes);
        float[] readout = new float[c * queries];
        float[] shrinkage = new float[queries];
        try (OnnxTensor key = memoryTensor(env, memory.keys(), memory.size(), ck);
                OnnxTensor shrink = memoryTensor(env, memory.shrinkage(), memory.size(), 1);
                OnnxTensor value = memoryTensor(env, memory.values(), memory.size(), c)) {
            for (int b = 0; b < blocks.count(); b++) {
                int m = blocks.size(b);
                try (OnnxTensor qk = queryTensor(env, blocks.slice(queryKey, ck, b), ck, m);
                        OnnxTensor qs = queryTensor(env, blocks.slice(querySelection, ck, b), ck, m);
                        OrtSession.Result result = dense.run(Map.of(
                                "memory_key", key, "memory_shrinkage", shrink, "memory_value", value,
                                "query_key", qk, "query_selection", qs))) {
                    blocks.place(floats(result, "readout"), readout, c, b);
                    blocks.place(floats(result, "shrinkage_readout"), shrinkage, 1, b);
                }
            }
            return new DenseReadout(readout, shrinkage);
        } catch (OrtException e) {
            throw new MemoryException("memory consolidation readout failed: " + e.getMessage(), e);
        }
    }

    private static OnnxTensor queryTensor(OrtEnvironment env, float[] values, int channels, int queries) throws OrtException {
        return OnnxTensor.createTensor(env, FloatBuffer.wrap(values), new long[] {channels, queries});
    }

    private static OnnxTensor memoryTensor(OrtEnvironment env, FloatBuffer buffer, int size, int channels) throws OrtException {
        return OnnxTensor.createTensor(env, buffer, new long[] {size, channels});
    }

    private static float[] floats(OrtSession.Result result, String name) throws OrtException {
        FloatBuffer buffer = ((OnnxTensor) result.get(name).orElseThrow(() -> new IllegalStateException("kernel output " + name + " missing")))
                .getFloatBuffer();
        float[] out = new float[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    @Override
    public void cancel() {
        topK.cancel();
        dense.cancel();
    }

    @Override
    public void resetCancel() {
        topK.resetCancel();
        dense.resetCancel();
    }

    @Override
    public void close() {
        topK.close();
        dense.close();
    }
}
