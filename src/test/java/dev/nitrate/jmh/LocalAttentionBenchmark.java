package dev.nitrate.jmh;

import ai.onnxruntime.OrtException;
import dev.nitrate.engine.attention.LocalAttention;
import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.onnx.GraphSession;
import dev.nitrate.engine.pack.ModelPack;
import dev.nitrate.engine.colorize.PackException;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.pack.PackManifest;
import dev.nitrate.engine.onnx.SessionOpener;
import java.nio.file.Path;
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
 * Local attention (short-term propagation) as the colorizer runs it: the pack's
 * {@code local_attention} graph through {@link LocalAttention}, at the 1/16 grid of a frame of
 * the given size. The default pack is the engine's toy parity pack (tiny channel counts, in the
 * repository); pass {@code -p pack=DIR} for a ColorMNet pack (64 key, 2 x 512 value channels).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LocalAttentionBenchmark {

    @Param({"src/test/resources/packs/toy"})
    public String pack;

    @Param({"854x480", "1920x1080"})
    public String size;

    @Param({"0"})
    public int threads;

    private GraphSession session;
    private LocalAttention attention;
    private float[] queryKey;
    private float[] readout;

    @Setup
    public void setUp() throws PackException {
        ModelPack model = ModelPack.load(new PackLocation.Folder(Path.of(pack)));
        PackManifest manifest = model.manifest();
        String[] parts = size.split("x");
        int multiple = manifest.paddingMultiple();
        int stride = manifest.strides().f16();
        int gridWidth = (Integer.parseInt(parts[0]) + multiple - 1) / multiple * multiple / stride;
        int gridHeight = (Integer.parseInt(parts[1]) + multiple - 1) / multiple * multiple / stride;
        PackManifest.Channels channels = manifest.channels();
        session = new SessionOpener(ComputeDevice.CPU, threads)
                .open(PackManifest.LOCAL_ATTENTION, model.graphSource(PackManifest.LOCAL_ATTENTION));
        attention = new LocalAttention(session, channels.key(), channels.objects(), channels.value(), gridHeight, gridWidth);
        int cells = gridWidth * gridHeight;
        SplittableRandom random = new SplittableRandom(11);
        attention.setMemoryFrame(MemoryReadoutBenchmark.gaussian(random, channels.key() * cells),
                MemoryReadoutBenchmark.gaussian(random, channels.objects() * channels.value() * cells));
        queryKey = MemoryReadoutBenchmark.gaussian(random, channels.key() * cells);
        readout = new float[channels.objects() * channels.value() * cells];
    }

    @TearDown
    public void tearDown() {
        session.close();
    }

    @Benchmark
    public float[] addAttentionToReadout() throws OrtException {
        attention.addTo(queryKey, readout);
        return readout;
    }
}
