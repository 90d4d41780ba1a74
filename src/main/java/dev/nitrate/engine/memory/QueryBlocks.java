package dev.nitrate.engine.memory;

/**
 * Splits a readout's queries into blocks that fit a memory budget, and moves channel-major columns
 * ({@code x[c * M + m]}) between a whole frame and one block. Every query is read out independently of
 * the others, so a blocked readout gives exactly the unblocked result.
 *
 * @param queries all queries of the readout (M)
 * @param blockSize queries per block; the last block may be smaller
 */
public record QueryBlocks(int queries, int blockSize) {

    /** Default budget of one readout's working tensors: 256 MiB (as {@code InferenceOptions}'). */
    public static final long DEFAULT_BUDGET_BYTES = 256L << 20;

    public QueryBlocks {
        if (queries < 0 || blockSize < 1) {
            throw new IllegalArgumentException("need queries >= 0 and a block size >= 1, got " + queries + " and " + blockSize);
        }
    }

    /**
     * Blocks sized so that one block's similarity row ({@code memorySize} floats), its top-k
     * picks of values ({@code topK x valueChannels}) and its readout stay within {@code budgetBytes}.
     * At least one query per block, whatever the budget.
     *
     * @param topK 0 for a dense (softmax over all elements) readout, which keeps the affinity row twice
     */
    public static QueryBlocks forBudget(int queries, int memorySize, int topK, int valueChannels, long budgetBytes) {
        long floatsPerQuery = topK > 0
                ? (long) memorySize + (long) topK * (valueChannels + 2) + 2L * valueChannels
                : 2L * memorySize + 2L * valueChannels;
        long perQuery = 4 * Math.max(1, floatsPerQuery);
        long fit = Math.max(1, budgetBytes / perQuery);
        return new QueryBlocks(queries, (int) Math.min(Math.max(1, queries), fit));
    }

    public int count() {
        return (queries + blockSize - 1) / blockSize;
    }

    public int start(int block) {
        return block * blockSize;
    }

    public int size(int block) {
        return Math.min(blockSize, queries - start(block));
    }

    /** The block's columns of a channel-major {@code [channels, M]} array, as {@code [channels, size]}. */
    public float[] slice(float[] whole, int channels, int block) {
        int start = start(block);
        int size = size(block);
        if (size == queries) {
            return whole;
        }
        float[] part = new float[channels * size];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(whole, c * queries + start, part, c * size, size);
        }
        return part;
    }

    /** Writes a block's {@code [channels, size]} result into its columns of {@code whole} ({@code [channels, M]}). */
    public void place(float[] part, float[] whole, int channels, int block) {
        int start = start(block);
        int size = size(block);
        for (int c = 0; c < channels; c++) {
            System.arraycopy(part, c * size, whole, c * queries + start, size);
        }
    }
}
