package dev.nitrate.engine.colormnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.MemoryStats;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.image.ChromaPlanes;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java engine against the Python reference loop on the same graphs with the same seeded random
 * weights, on real footage (box.mp4, non-square), with consolidation and long-term eviction: every
 * frame's ab must agree within the fixture's tolerance (1e-3 in tanh units).
 */
class ParityTest {

    /** The committed fixtures, plus the one named by {@code -Dnitrate.parity.dir} (onnx/run_full_parity.sh). */
    static Stream<Path> fixtures() throws URISyntaxException, java.io.IOException {
        Path root = Path.of(ParityTest.class.getResource("/parity").toURI());
        java.util.List<Path> found;
        try (Stream<Path> dirs = Files.list(root)) {
            found = new java.util.ArrayList<>(dirs.filter(d -> Files.exists(d.resolve("fixture.json"))).sorted().toList());
        }
        String extra = System.getProperty("nitrate.parity.dir");
        if (extra != null && !extra.isBlank()) {
            Path dir = Path.of(extra).toAbsolutePath();
            if (!Files.exists(dir.resolve("fixture.json"))) {
                throw new IllegalStateException(dir + ": no fixture.json (run onnx/reference/make_parity_fixture.py)");
            }
            found.add(dir);
        }
        return found.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void javaEngineMatchesPythonReferenceOnEveryFrame(Path dir) throws Exception {
        checkParity(dir, new InferenceOptions(device(), 2, null));
    }

    /** {@code -Dnitrate.parity.device=cuda} (bench/gpu-check.sh) runs the check on a GPU; the CPU by default. */
    private static ComputeDevice device() {
        return ComputeDevice.parse(System.getProperty("nitrate.parity.device", "cpu"));
    }

    /** The same with the memory readout split into blocks of a few queries (a 16 KiB budget). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void blockedReadoutMatchesPythonReferenceOnEveryFrame(Path dir) throws Exception {
        checkParity(dir, new InferenceOptions(device(), 2, null).withReadoutBudget(16 * 1024));
    }

    private static void checkParity(Path dir, InferenceOptions options) throws Exception {
        ParityFixture fixture = ParityFixture.load(dir);
        try (PackColorizer colorizer = new PackColorizerFactory().openPack(new PackLocation.Folder(fixture.pack()),
                options, fixture.width(), fixture.height())) {
            assertEquals("window", colorizer.localAttentionPath(), "ColorMNet's local attention runs on the engine's window path");
            assertEquals(options.device(), colorizer.device(), "the parity check runs on the device asked for, not a fallback: "
                    + colorizer.fallbackReason());
            for (ParityFixture.Sequence seq : fixture.sequences()) {
                colorizer.beginSequence(seq.exemplars(), seq.firstFrameIsExemplar());
                double worst = 0;
                int worstFrame = -1;
                for (int f = 0; f < seq.frames().size(); f++) {
                    ChromaPlanes ab = colorizer.colorize(seq.frames().get(f));
                    float[][] expected = seq.expectedTanhAb().get(f);
                    double diff = Math.max(maxDiff(ab.a().values(), expected[0]), maxDiff(ab.b().values(), expected[1]));
                    if (diff > worst) {
                        worst = diff;
                        worstFrame = f;
                    }
                    assertTrue(diff <= fixture.tolerance(), dir.getFileName() + " " + seq.file() + " frame " + f
                            + ": ab differs from the reference by " + diff + " (tanh units)");
                }
                MemoryStats stats = colorizer.memoryStats();
                assertTrue(seq.minOutputStd() < 0 || seq.minOutputStd() > 0.02,
                        "the reference's ab varies within every frame (std " + seq.minOutputStd() + "), so agreement is not trivial");
                System.out.printf("parity %s %s (local attention: %s, readout budget %d B): %d frames, worst |d ab| %.2e (frame %d), %s%n", dir.getFileName(), seq.file(), colorizer.localAttentionPath(),
                        options.readoutBudgetBytes(), seq.frames().size(), worst, worstFrame, stats);
                assertEquals(seq.consolidations(), stats.consolidations(), "consolidations");
                assertEquals(seq.longTermElements(), stats.longTermElements(), "long-term elements");
            }
        }
    }

    private static double maxDiff(float[] actualLab, float[] expectedTanh) {
        double worst = 0;
        for (int i = 0; i < actualLab.length; i++) {
            worst = Math.max(worst, Math.abs(actualLab[i] / 110.0 - expectedTanh[i]));
        }
        return worst;
    }
}
