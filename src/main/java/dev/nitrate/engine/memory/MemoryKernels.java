package dev.nitrate.engine.memory;

/**
 * The dense maths of the memory: anisotropic-L2 affinity between memory keys and query keys,
 * softmax over the top-k (or over all) memory elements, readout of the values.
 *
 * <p>Queries are channel-major ({@code queryKey[c * M + m]}), as the key encoder writes them;
 * readouts are channel-major ({@code readout[c * M + m]}), as the decoder reads them.
 */
public interface MemoryKernels extends AutoCloseable {

    /**
     * Per-frame readout: for each query, softmax over its {@code topK} most similar memory elements.
     *
     * @param topK at most {@code memory.size()}
     * @return the readout, {@code C x M}; per memory element the attention mass it received, summed over the
     *     queries; per query the largest of its softmax weights
     */
    TopKReadout readTopK(MemoryView memory, float[] queryKey, float[] querySelection, int queries, int topK) throws MemoryException;

    /** Consolidation readout: softmax over all memory elements; reads out values and shrinkage. */
    DenseReadout readDense(MemoryView memory, float[] queryKey, float[] querySelection, int queries) throws MemoryException;

    /** Stops a kernel run in flight (ONNX kernels); the run then throws {@link MemoryException}. */
    default void cancel() {}

    default void resetCancel() {}

    @Override
    default void close() {}

    /**
     * @param readout {@code C x M} channel-major
     * @param usage attention mass per memory element
     * @param topWeight per query ({@code M}), the largest weight of its softmax over the top k, in [1/k, 1]
     */
    record TopKReadout(float[] readout, float[] usage, float[] topWeight) {}

    /** @param readout {@code C x M} channel-major @param shrinkage {@code M} */
    record DenseReadout(float[] readout, float[] shrinkage) {}
}
