package dev.nitrate.engine.colormnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.attention.Workers;
import dev.nitrate.engine.colorize.ColorizedFrame;
import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.image.ChromaPlanes;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.pack.PackManifest;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ColorMNet pack's per-pixel confidence from its memory readout (docs/confidence.md), on the committed parity pack:
 * the exporter's ColorMNet graphs at tiny widths with seeded random weights (onnx/reference/make_parity_fixture.py).
 * Asking for the confidence never changes the chroma.
 */
class PackConfidenceTest {

    private static final int W = 150;
    private static final int H = 90;
    private static final int FRAMES = 6;
    private static final InferenceOptions OPTIONS = new InferenceOptions(ComputeDevice.CPU, 1, null);

    @TempDir
    Path tmp;

    private Path refinerPack;

    private static PackLocation colormnetTiny() throws URISyntaxException {
        return new PackLocation.Folder(Path.of(PackConfidenceTest.class.getResource("/parity/colormnet-tiny/pack/pack.json").toURI()).getParent());
    }

    /** The toy pack with a refiner graph: downscaled chroma comes back through the refiner, confidence bilinearly. */
    private PackLocation toyWithRefiner() throws Exception {
        if (refinerPack == null) {
            refinerPack = PackColorizerTest.toyWithRefiner(tmp);
        }
        return new PackLocation.Folder(refinerPack);
    }

    private static PackColorizer open(PackLocation pack, InferenceOptions options) throws Exception {
        return new PackColorizerFactory().openPack(pack, options, W, H);
    }

    @Test
    void everyFrameHasAConfidenceInZeroToOneAtTheFramesSizeTakenFromTheReadout() throws Exception {
        try (PackColorizer c = open(colormnetTiny(), OPTIONS)) {
            c.beginSequence(List.of(PackColorizerTest.exemplar(W, H)), false);
            for (int t = 0; t < FRAMES; t++) {
                FloatPlane confidence = confidenceOf(c.colorizeFrame(PackColorizerTest.frame(t, W, H)));
                float min = 1;
                float max = 0;
                for (float v : confidence.values()) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                assertTrue(max > min, "frame " + t + ": varies with the readout, not a constant: " + min);
            }
            assertTrue(c.lastFrameTimings().nanosByStage().containsKey("confidence"), "timed as its own stage");
        }
    }

    @Test
    void theExemplarsOwnFrameIsSure() throws Exception {
        try (PackColorizer c = open(colormnetTiny(), OPTIONS)) {
            c.beginSequence(List.of(PackColorizerTest.exemplar(W, H)), true);
            for (float v : confidenceOf(c.colorizeFrame(PackColorizerTest.frame(0, W, H))).values()) {
                assertEquals(1f, v);
            }
            float[] next = confidenceOf(c.colorizeFrame(PackColorizerTest.frame(1, W, H))).values();
            assertTrue(next[0] < 1f, "the next frame reads the memory: " + next[0]);
        }
    }

    @Test
    void chromaIsBitIdenticalWithAndWithoutConfidence() throws Exception {
        PackLocation tiny = colormnetTiny();
        List<Map.Entry<PackLocation, InferenceOptions>> runs = List.of(Map.entry(tiny, OPTIONS),
                Map.entry(tiny, OPTIONS.withReadoutBudget(16 * 1024)), Map.entry(tiny, OPTIONS.withModelMaxArea(100 * 60)),
                Map.entry(toyWithRefiner(), OPTIONS));
        for (Map.Entry<PackLocation, InferenceOptions> run : runs) {
            try (PackColorizer plain = open(run.getKey(), run.getValue()); PackColorizer withConfidence = open(run.getKey(), run.getValue())) {
                plain.beginSequence(List.of(PackColorizerTest.exemplar(W, H)), false);
                withConfidence.beginSequence(List.of(PackColorizerTest.exemplar(W, H)), false);
                for (int t = 0; t < FRAMES; t++) {
                    FloatPlane lightness = PackColorizerTest.frame(t, W, H);
                    ChromaPlanes expected = plain.colorize(lightness);
                    ColorizedFrame actual = withConfidence.colorizeFrame(lightness);
                    String where = run + ", frame " + t;
                    assertArrayEquals(expected.a().values(), actual.chroma().a().values(), where);
                    assertArrayEquals(expected.b().values(), actual.chroma().b().values(), where);
                    confidenceOf(actual);
                }
                assertEquals(plain.memoryStats(), withConfidence.memoryStats());
                assertTrue(plain.memoryStats().consolidations() > 0, "the run reaches consolidation: " + plain.memoryStats());
            }
        }
    }

    @Test
    void theGridIsPlacedOnTheFrameAsThePaddedNetworkFrameIs() {
        FrameGeometry geometry = FrameGeometry.of(W, H, 112, 16, null);
        assertEquals(37, geometry.padLeft());
        assertEquals(11, geometry.padTop());
        int gw = geometry.gridWidth();
        float[] grid = new float[geometry.gridElements()];
        for (int y = 0; y < geometry.gridHeight(); y++) {
            for (int x = 0; x < gw; x++) {
                grid[y * gw + x] = x / (gw - 1f);
            }
        }
        try (Workers workers = Workers.forCores(1)) {
            ChromaUpscaler upscaler = new ChromaUpscaler(geometry, new PackManifest.Normalisation(50, 50, 110), false, workers);
            FloatPlane confidence = upscaler.confidence(PackColorizerTest.frame(0, W, H), grid);
            assertEquals(W, confidence.width());
            assertEquals(H, confidence.height());
            for (int x : new int[] {0, 40, 75, 149}) {
                double padded = x + geometry.padLeft() + 0.5;
                double expected = (padded / 16 - 0.5) / (gw - 1);
                assertEquals(expected, confidence.get(x, 45), 1e-5, "frame column " + x + " is padded column " + (x + 37)
                        + ", between grid cell centres 16 apart");
            }
        }
    }

    @Test
    void aDownscaledFrameGetsItsConfidenceAtTheFilmsSize() throws Exception {
        for (PackLocation pack : List.of(colormnetTiny(), toyWithRefiner())) {
            try (PackColorizer c = open(pack, OPTIONS.withModelMaxArea(100 * 60))) {
                assertTrue(c.geometry().downscaled());
                c.beginSequence(List.of(PackColorizerTest.exemplar(W, H)), false);
                for (int t = 0; t < 3; t++) {
                    confidenceOf(c.colorizeFrame(PackColorizerTest.frame(t, W, H)));
                }
            }
        }
    }

    /** The frame's confidence, checked to be at the frame's size and in [0, 1]. */
    private static FloatPlane confidenceOf(ColorizedFrame frame) {
        FloatPlane confidence = frame.confidence().orElseThrow(() -> new AssertionError("a ColorMNet pack gives a confidence"));
        assertEquals(W, confidence.width());
        assertEquals(H, confidence.height());
        for (float v : confidence.values()) {
            assertTrue(v >= 0 && v <= 1, "confidence in [0, 1]: " + v);
        }
        return confidence;
    }
}
