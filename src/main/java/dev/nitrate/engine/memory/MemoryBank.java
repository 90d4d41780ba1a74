package dev.nitrate.engine.memory;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * ColorMNet's memory (XMem's working and long-term memory), held in Java.
 *
 * <p>Elements are stored in one run, long-term memory first, then working memory, whose first
 * {@link #permanentElements()} belong to exemplars and are never consolidated. Each readout adds
 * the attention mass to every element's usage and 1 to its life. When the non-permanent part of
 * working memory reaches {@code max_mid_term_frames - 1} frames' worth, the elements between the
 * permanent part and the last {@code min_mid_term_frames - 1} frames' worth are consolidated: the
 * {@code num_prototypes} with the highest usage/life become long-term prototypes whose value and
 * shrinkage are a softmax readout of all candidates; long-term memory first drops its least used
 * elements when it holds {@code max_long_term_elements - num_prototypes} or more. (With one exemplar
 * these are exactly the released code's boundaries; see docs/decisions/0003-memory-bank.md.)
 */
public final class MemoryBank {

    private final MemoryParameters parameters;
    private final int elementsPerFrame;
    private final int keyChannels;
    private final int valueChannels;
    private final MemoryKernels kernels;
    private ElementStore store;
    private int longTermSize;
    private int permanentSize;
    private long consolidations;

    /**
     * @param elementsPerFrame {@code h * w} of the memory grid
     * @param valueChannels channels per element: objects times value channels
     */
    public MemoryBank(MemoryParameters parameters, int elementsPerFrame, int keyChannels, int valueChannels, MemoryKernels kernels) {
        this.parameters = parameters;
        this.elementsPerFrame = elementsPerFrame;
        this.keyChannels = keyChannels;
        this.valueChannels = valueChannels;
        this.kernels = kernels;
        this.store = new ElementStore(keyChannels, valueChannels, elementsPerFrame * (parameters.maxMidTermFrames() + 1));
    }

    /** Forgets everything. */
    public void clear() {
        store.clear();
        longTermSize = 0;
        permanentSize = 0;
        consolidations = 0;
    }

    public int elementsPerFrame() {
        return elementsPerFrame;
    }

    public int workingElements() {
        return store.size() - longTermSize;
    }

    public int longTermElements() {
        return longTermSize;
    }

    public int permanentElements() {
        return permanentSize;
    }

    public long consolidations() {
        return consolidations;
    }

    public boolean isEmpty() {
        return store.size() == 0;
    }

    /**
     * Adds one memory frame, channel-major as the networks produce it: key and selection {@code [CK, hw]},
     * shrinkage {@code [hw]}, value {@code [C, hw]}. Permanent (exemplar) frames must come before all others.
     * Consolidates when working memory is full.
     */
    public void addFrame(float[] key, float[] shrinkage, float[] selection, float[] value, boolean permanent) throws MemoryException {
        int hw = elementsPerFrame;
        if (key.length != keyChannels * hw || shrinkage.length != hw || selection.length != keyChannels * hw || value.length != valueChannels * hw) {
            throw new IllegalArgumentException("memory frame tensors do not match " + keyChannels + "/" + valueChannels + " channels x " + hw + " elements");
        }
        if (permanent && workingElements() != permanentSize) {
            throw new IllegalStateException("exemplar frames must be added before other frames");
        }
        store.appendChannelMajor(key, shrinkage, selection, value, hw);
        if (permanent) {
            permanentSize += hw;
        }
        if (workingElements() - permanentSize >= (parameters.maxMidTermFrames() - 1) * hw) {
            consolidate();
        }
    }

    /**
     * Reads the memory for a frame's queries (channel-major key and selection {@code [CK, M]}) and
     * records the usage. Returns the readout {@code [C, M]} with each query's confidence ({@link MemoryReadout}).
     */
    public MemoryReadout readout(float[] queryKey, float[] querySelection, int queries) throws MemoryException {
        if (store.size() == 0) {
            throw new IllegalStateException("memory is empty: no exemplar was stored");
        }
        int kept = Math.min(parameters.topK(), store.size());
        MemoryKernels.TopKReadout result = kernels.readTopK(store.view(0, store.size()), queryKey, querySelection, queries, parameters.topK());
        store.addUsage(0, result.usage());
        return new MemoryReadout(result.readout(), MemoryReadout.confidence(result.topWeight(), kept));
    }

    private void consolidate() throws MemoryException {
        int hw = elementsPerFrame;
        int candidateStart = longTermSize + permanentSize;
        int candidateEnd = store.size() - (parameters.minMidTermFrames() - 1) * hw;
        int candidates = candidateEnd - candidateStart;
        if (candidates <= 0) {
            return;
        }
        int prototypes = Math.min(parameters.numPrototypes(), candidates);
        int[] chosen = IntStream.range(candidateStart, candidateEnd).boxed()
                .sorted(Comparator.<Integer>comparingDouble(store::normalisedUsage).reversed().thenComparingInt(i -> i))
                .limit(prototypes).mapToInt(Integer::intValue).toArray();
        float[] protoKey = new float[keyChannels * prototypes];
        float[] protoSelection = new float[keyChannels * prototypes];
        for (int p = 0; p < prototypes; p++) {
            for (int c = 0; c < keyChannels; c++) {
                protoKey[c * prototypes + p] = store.key(chosen[p], c);
                protoSelection[c * prototypes + p] = store.selection(chosen[p], c);
            }
        }
        MemoryKernels.DenseReadout potentiated = kernels.readDense(store.view(candidateStart, candidateEnd), protoKey, protoSelection, prototypes);

        boolean[] longTermKept = new boolean[longTermSize];
        Arrays.fill(longTermKept, true);
        int longTermCap = parameters.maxLongTermElements() - parameters.numPrototypes();
        if (longTermSize >= longTermCap && longTermSize > longTermCap) {
            evictLeastUsed(longTermKept, longTermSize - longTermCap);
        }

        ElementStore next = new ElementStore(keyChannels, valueChannels, store.size());
        int run = -1;
        for (int i = 0; i <= longTermSize; i++) {
            boolean keep = i < longTermSize && longTermKept[i];
            if (keep && run < 0) {
                run = i;
            } else if (!keep && run >= 0) {
                next.appendFrom(store, run, i);
                run = -1;
            }
        }
        next.appendChannelMajor(protoKey, potentiated.shrinkage(), null, potentiated.readout(), prototypes);
        int newLongTerm = next.size();
        next.appendFrom(store, longTermSize, longTermSize + permanentSize);
        next.appendFrom(store, candidateEnd, store.size());
        store.release();
        store = next;
        longTermSize = newLongTerm;
        consolidations++;
    }

    /** Drops the elements whose usage/life is at or below the {@code count}-th smallest (as the released code does). */
    private void evictLeastUsed(boolean[] kept, int count) {
        float[] usage = new float[longTermSize];
        for (int i = 0; i < longTermSize; i++) {
            usage[i] = store.normalisedUsage(i);
        }
        float[] sorted = usage.clone();
        Arrays.sort(sorted);
        float threshold = sorted[count - 1];
        for (int i = 0; i < longTermSize; i++) {
            kept[i] = usage[i] > threshold;
        }
    }

    /**
     * For benchmarks: fills the bank with random elements up to {@code workingFrames} frames' worth of
     * working memory (keeping what is there as its start) and {@code longTermElements} long-term
     * elements, without consolidating. Keys, selections and values are Gaussian-like, shrinkage >= 1.
     */
    public void fillForBenchmark(long seed, int workingFrames, int longTermElements) {
        java.util.Random random = new java.util.Random(seed);
        ElementStore next = new ElementStore(keyChannels, valueChannels, longTermElements + workingFrames * elementsPerFrame);
        next.appendFrom(store, 0, Math.min(longTermSize, longTermElements));
        int missingLongTerm = longTermElements - next.size();
        if (missingLongTerm > 0) {
            appendRandom(next, random, missingLongTerm);
        }
        int newLongTerm = next.size();
        next.appendFrom(store, longTermSize, store.size());
        int missingWorking = workingFrames * elementsPerFrame - (store.size() - longTermSize);
        if (missingWorking > 0) {
            appendRandom(next, random, missingWorking);
        }
        store.release();
        store = next;
        longTermSize = newLongTerm;
    }

    private void appendRandom(ElementStore target, java.util.Random random, int count) {
        float[] key = new float[keyChannels * count];
        float[] sel = new float[keyChannels * count];
        float[] shrink = new float[count];
        float[] value = new float[valueChannels * count];
        for (int i = 0; i < key.length; i++) {
            key[i] = (float) random.nextGaussian();
            sel[i] = random.nextFloat();
        }
        for (int i = 0; i < count; i++) {
            shrink[i] = 1f + random.nextFloat();
        }
        for (int i = 0; i < value.length; i++) {
            value[i] = (float) random.nextGaussian();
        }
        target.appendChannelMajor(key, shrink, sel, value, count);
    }

    /** Writes the whole memory (elements, usage, sizes, counters). */
    public void write(DataOutput out) throws IOException {
        out.writeInt(elementsPerFrame);
        out.writeInt(keyChannels);
        out.writeInt(valueChannels);
        out.writeInt(longTermSize);
        out.writeInt(permanentSize);
        out.writeLong(consolidations);
        store.write(out);
    }

    /** Restores a memory written by {@link #write} of a bank with the same dimensions. */
    public void read(DataInput in) throws IOException {
        int hw = in.readInt();
        int ck = in.readInt();
        int cv = in.readInt();
        if (hw != elementsPerFrame || ck != keyChannels || cv != valueChannels) {
            throw new IOException("saved memory is for " + hw + " elements per frame, " + ck + "/" + cv
                    + " channels; this colorizer has " + elementsPerFrame + ", " + keyChannels + "/" + valueChannels);
        }
        int lt = in.readInt();
        int perm = in.readInt();
        long cons = in.readLong();
        store.read(in);
        if (lt < 0 || perm < 0 || lt + perm > store.size()) {
            throw new IOException("bad memory state: sizes " + lt + "/" + perm + "/" + store.size());
        }
        longTermSize = lt;
        permanentSize = perm;
        consolidations = cons;
    }
}
