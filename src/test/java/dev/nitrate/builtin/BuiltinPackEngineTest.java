package dev.nitrate.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.MemoryStats;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.colormnet.PackColorizerFactory;
import dev.nitrate.engine.image.ChromaPlanes;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in pack on the real engine (memory bank, consolidation, local attention, hidden state). The frame is
 * larger than the pack's max_area, so the downscaled path and the refiner run too. (Sub-cell pans of this
 * high-frequency texture are a known weakness of the pack: docs/builtin-pack.md.)
 */
class BuiltinPackEngineTest {

    private static final int WIDTH = 400;
    private static final int HEIGHT = 304;
    private static final int STEP = 6;

    private static float lightness(int x, int y) {
        return (float) (50 + 25 * Math.sin(x / 7.0) * Math.cos(y / 9.0) + 10 * Math.sin((x + 2 * y) / 23.0));
    }

    private static boolean inDisc(int x, int y) {
        int dx = x - 150, dy = y - 150;
        return dx * dx + dy * dy < 70 * 70;
    }

    private static LabImage scene(int shift) {
        FloatPlane l = FloatPlane.zeros(WIDTH, HEIGHT);
        FloatPlane a = FloatPlane.zeros(WIDTH, HEIGHT);
        FloatPlane b = FloatPlane.zeros(WIDTH, HEIGHT);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int sx = x - shift;
                int i = y * WIDTH + x;
                l.values()[i] = lightness(sx, y);
                boolean disc = inDisc(sx, y);
                a.values()[i] = disc ? 45f : -10f;
                b.values()[i] = disc ? 30f : -35f;
            }
        }
        return new LabImage(l, a, b);
    }

    @Test
    void aStillShotKeepsTheExemplarColoursThroughMemoryFramesAndConsolidation() throws Exception {
        int frames = 32;
        LabImage exemplar = scene(0);
        double worst = 0;
        MemoryStats stats;
        try (FrameColorizer colorizer = new PackColorizerFactory()
                .openPack(PackLocation.BUILTIN, InferenceOptions.cpu(), WIDTH, HEIGHT)) {
            colorizer.beginSequence(List.of(exemplar), true);
            for (int t = 0; t < frames; t++) {
                ChromaPlanes out = colorizer.colorize(exemplar.lightness());
                assertEquals(WIDTH, out.width());
                assertEquals(HEIGHT, out.height());
                worst = Math.max(worst, meanAbsError(out.a(), out.b(), exemplar));
            }
            stats = colorizer.memoryStats();
        }
        assertTrue(stats.consolidations() >= 1, "consolidation ran: " + stats);
        assertTrue(stats.longTermElements() > 0, "long-term memory used: " + stats);
        assertTrue(worst < 1.5, "mean |delta ab| on a still shot, worst frame: " + worst);
    }

    @Test
    void withItsFlowStageThePacksGraphsRunOnlyForTheFrameThatHasNoPreviousResult() throws Exception {
        LabImage exemplar = scene(0);
        try (FrameColorizer colorizer = new PackColorizerFactory()
                .openColorizer(PackLocation.BUILTIN, InferenceOptions.cpu(), WIDTH, HEIGHT)) {
            colorizer.beginSequence(List.of(exemplar), false);
            double worst = 0;
            for (int t = 0; t < 6; t++) {
                ChromaPlanes out = colorizer.colorize(exemplar.lightness());
                worst = Math.max(worst, meanAbsError(out.a(), out.b(), exemplar));
                assertEquals(t == 0, colorizer.lastFrameTimings().nanosByStage().containsKey("key_encoder"), "frame " + t);
            }
            assertEquals(1, colorizer.memoryStats().framesSeen(), "frames the graphs ran for");
            assertTrue(worst < 1.5, "mean |delta ab| on a still shot, worst frame: " + worst);

            colorizer.beginSequence(List.of(exemplar), true);
            for (int t = 0; t < 3; t++) {
                colorizer.colorize(exemplar.lightness());
            }
            assertEquals(0, colorizer.memoryStats().framesSeen(), "the exemplar's own frame needs no readout");
        }
    }

    @Test
    void theFirstFrameOfAPanReproducesTheExemplarAndLaterFramesStayInRange() throws Exception {
        LabImage exemplar = scene(0);
        try (FrameColorizer colorizer = new PackColorizerFactory()
                .openColorizer(PackLocation.BUILTIN, InferenceOptions.cpu(), WIDTH, HEIGHT)) {
            colorizer.beginSequence(List.of(exemplar), true);
            ChromaPlanes first = colorizer.colorize(exemplar.lightness());
            assertTrue(meanAbsError(first.a(), first.b(), exemplar) < 1.0);
            for (int t = 1; t < 4; t++) {
                ChromaPlanes out = colorizer.colorize(scene(t * STEP).lightness());
                for (float v : out.a().values()) {
                    assertTrue(v >= -10.5f && v <= 45.5f, "a stays within the exemplar's colours: " + v);
                }
            }
        }
    }

    @Test
    void theExemplarsOwnFrameComesBackWithinOneCodeAndEveryFrameHasAConfidence() throws Exception {
        // colours inside the gamut (at its edge the luma match alone moves a code or two), with per-pixel chroma noise
        byte[] rgb = new byte[3 * WIDTH * HEIGHT];
        java.util.Random random = new java.util.Random(5);
        LabImage scene = scene(0);
        for (int i = 0; i < WIDTH * HEIGHT; i++) {
            double[] linear = new double[3];
            dev.nitrate.engine.color.CieLab.labToLinearRgb(scene.lightness().values()[i], 0.5f * scene.a().values()[i] + random.nextInt(9) - 4,
                    0.5f * scene.b().values()[i], linear);
            for (int c = 0; c < 3; c++) {
                rgb[3 * i + c] = (byte) Math.round(255.0 * dev.nitrate.engine.color.CieLab.linearToSrgb(Math.max(0, Math.min(1, linear[c]))));
            }
        }
        LabImage exemplar = dev.nitrate.engine.color.CieLab.fromRgb8(rgb, WIDTH, HEIGHT);
        try (FrameColorizer colorizer = new PackColorizerFactory()
                .openColorizer(PackLocation.BUILTIN, InferenceOptions.cpu(), WIDTH, HEIGHT)) {
            dev.nitrate.engine.pipeline.FramePipeline pipeline = new dev.nitrate.engine.pipeline.FramePipeline(colorizer);
            colorizer.beginSequence(List.of(exemplar), false);
            byte[] out = pipeline.colorizeRgb8(rgb, WIDTH, HEIGHT);
            int worst = 0;
            for (int i = 0; i < rgb.length; i++) {
                worst = Math.max(worst, Math.abs((out[i] & 0xff) - (rgb[i] & 0xff)));
            }
            assertTrue(worst <= 1, "the exemplar's own frame comes back within one code, worst " + worst);
            for (int t = 1; t < 3; t++) {
                pipeline.colorizeRgb8(dev.nitrate.engine.color.CieLab.lightnessOfRgb8(rgb, WIDTH, HEIGHT), rgb);
                FloatPlane confidence = pipeline.lastConfidence().orElseThrow();
                assertEquals(WIDTH, confidence.width());
                for (float c : confidence.values()) {
                    assertTrue(c >= 0f && c <= 1f, "confidence in [0, 1]: " + c);
                }
            }
        }
    }

    private static double meanAbsError(FloatPlane a, FloatPlane b, LabImage truth) {
        double sum = 0;
        int n = 0;
        for (int y = 16; y < HEIGHT - 16; y++) {
            for (int x = 16 + 8 * STEP; x < WIDTH - 16; x++) {
                sum += Math.abs(a.get(x, y) - truth.a().get(x, y)) + Math.abs(b.get(x, y) - truth.b().get(x, y));
                n++;
            }
        }
        return sum / (2.0 * n);
    }
}
