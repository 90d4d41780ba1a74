package dev.nitrate.jmh;

import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.PackException;
import dev.nitrate.engine.memory.MemoryException;
import dev.nitrate.engine.memory.MemoryKernels;
import dev.nitrate.engine.memory.MemoryView;
import dev.nitrate.engine.memory.OnnxMemoryKernels;
import dev.nitrate.engine.memory.ReferenceMemoryKernels;
import dev.nitrate.engine.onnx.SessionOpener;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The memory readout at ColorMNet's sizes: 64 key channels, 2 x 512 value channels, top-30,
 * queries = the 1/16 grid of an 854x480 frame padded to 896x560 (56 x 35 = 1960). Memory sizes
 * are frames' worth of that grid: 2 (exemplar + one frame) and 10 (working memory full).
 * {@code onnx} is the engine's kernel graph in ONNX Runtime (what the colorizer runs),
 * {@code reference} the engine's plain-Java reference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MemoryReadoutBenchmark {

    private static final int KEY_CHANNELS = 64;
    private static final int VALUE_CHANNELS = 2 * 512;
    private static final int TOP_K = 30;

    @Param({"1960"})
    public int queries;

    @Param({"3920", "19600"})
    public int memoryElements;

    @Param({"onnx", "reference"})
    public String kernel;

    @Param({"0"})
    public int threads;

    private MemoryKernels kernels;
    private MemoryView memory;
    private float[] queryKey;
    private float[] querySelection;

    @Setup
    public void setUp() throws PackException {
        SplittableRandom random = new SplittableRandom(7);
        float[] keys = gaussian(random, memoryElements * KEY_CHANNELS);
        float[] shrinkage = new float[memoryElements];
        for (int i = 0; i < memoryElements; i++) {
            double s = random.nextGaussian();
            shrinkage[i] = (float) (s * s + 1);
        }
        float[] values = gaussian(random, memoryElements * VALUE_CHANNELS);
        memory = new MemoryView(FloatBuffer.wrap(keys), FloatBuffer.wrap(shrinkage), FloatBuffer.wrap(values),
                memoryElements, KEY_CHANNELS, VALUE_CHANNELS);
        queryKey = gaussian(random, KEY_CHANNELS * queries);
        querySelection = new float[KEY_CHANNELS * queries];
        for (int i = 0; i < querySelection.length; i++) {
            querySelection[i] = (float) (1 / (1 + Math.exp(-random.nextGaussian())));
        }
        kernels = kernel.equals("onnx")
                ? OnnxMemoryKernels.open(new SessionOpener(ComputeDevice.CPU, threads))
                : new ReferenceMemoryKernels();
    }

    @TearDown
    public void tearDown() {
        kernels.close();
    }

    @Benchmark
    public MemoryKernels.TopKReadout topKReadout() throws MemoryException {
        return kernels.readTopK(memory, queryKey, querySelection, queries, TOP_K);
    }

    static float[] gaussian(SplittableRandom random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
