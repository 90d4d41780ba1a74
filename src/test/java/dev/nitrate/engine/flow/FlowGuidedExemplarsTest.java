package dev.nitrate.engine.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.colorize.ColorizedFrame;
import dev.nitrate.engine.image.ChromaPlanes;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.pack.PackManifest;
import dev.nitrate.testing.StatelessColorizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The flow stage with two exemplars of two different scenes: a frame of the second scene takes the second's colour. */
class FlowGuidedExemplarsTest {

    private static final int W = 96;
    private static final int H = 72;
    private static final PackManifest.FlowSettings SETTINGS = new PackManifest.FlowSettings("medium", W * H, 1.5f, 0.98f, 0.2f);

    private static final class GreyReadout extends StatelessColorizer {
        @Override
        public void beginSequence(List<LabImage> exemplars, boolean firstFrameIsExemplar) {
        }

        @Override
        public ChromaPlanes colorize(FloatPlane lightness) {
            return new ChromaPlanes(FloatPlane.zeros(W, H), FloatPlane.zeros(W, H));
        }
    }

    private static LabImage scene(long seed) {
        Random random = new Random(seed);
        float[][] blobs = new float[40][];
        for (int k = 0; k < blobs.length; k++) {
            blobs[k] = new float[] {random.nextFloat() * W, random.nextFloat() * H, 3 + 6 * random.nextFloat(),
                    random.nextFloat() * 2 - 1, random.nextFloat() * 2 - 1, random.nextFloat() * 2 - 1};
        }
        float[] l = new float[W * H];
        float[] a = new float[W * H];
        float[] b = new float[W * H];
        for (int i = 0; i < W * H; i++) {
            float sl = 0;
            float sa = 0;
            float sb = 0;
            for (float[] c : blobs) {
                float dx = i % W - c[0];
                float dy = i / W - c[1];
                float g = (float) Math.exp(-(dx * dx + dy * dy) / (2 * c[2] * c[2]));
                sl += g * c[3];
                sa += g * c[4];
                sb += g * c[5];
            }
            l[i] = Math.max(0, Math.min(100, 50 + 30 * sl));
            a[i] = 40 * (float) Math.tanh(sa);
            b[i] = 40 * (float) Math.tanh(sb);
        }
        return new LabImage(new FloatPlane(W, H, l), new FloatPlane(W, H, a), new FloatPlane(W, H, b));
    }

    private static double meanError(ColorizedFrame frame, LabImage truth) {
        double sum = 0;
        for (int i = 0; i < W * H; i++) {
            sum += Math.abs(frame.chroma().a().values()[i] - truth.a().values()[i])
                    + Math.abs(frame.chroma().b().values()[i] - truth.b().values()[i]);
        }
        return sum / (W * H);
    }

    private static double meanConfidence(ColorizedFrame frame) {
        float[] c = frame.confidence().orElseThrow().values();
        double sum = 0;
        for (float v : c) {
            sum += v;
        }
        return sum / c.length;
    }

    @Test
    void aFrameOfTheSecondExemplarsSceneTakesItsColourWithFullConfidence() throws Exception {
        LabImage first = scene(1);
        LabImage second = scene(2);
        ColorizedFrame alone;
        try (FlowGuidedColorizer colorizer = new FlowGuidedColorizer(new GreyReadout(), SETTINGS, W, H)) {
            colorizer.beginSequence(List.of(first), true);
            colorizer.colorizeFrame(first.lightness());
            alone = colorizer.colorizeFrame(second.lightness());
        }
        try (FlowGuidedColorizer colorizer = new FlowGuidedColorizer(new GreyReadout(), SETTINGS, W, H)) {
            colorizer.beginSequence(List.of(first, second), true);
            colorizer.colorizeFrame(first.lightness());
            ColorizedFrame both = colorizer.colorizeFrame(second.lightness());
            assertTrue(meanError(both, second) < 0.01, "error with both exemplars " + meanError(both, second));
            assertTrue(meanError(alone, second) > 1, "error with the first alone " + meanError(alone, second));
            assertTrue(meanConfidence(both) > 0.99 && meanConfidence(alone) < 0.9,
                    "confidence " + meanConfidence(both) + " with both, " + meanConfidence(alone) + " alone");
        }
    }

    @Test
    void theSecondExemplarSurvivesAStateRoundTrip() throws Exception {
        LabImage first = scene(1);
        LabImage second = scene(2);
        byte[] state;
        try (FlowGuidedColorizer colorizer = new FlowGuidedColorizer(new GreyReadout(), SETTINGS, W, H)) {
            colorizer.beginSequence(List.of(first, second), true);
            colorizer.colorizeFrame(first.lightness());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            colorizer.writeState(new DataOutputStream(bytes));
            state = bytes.toByteArray();
        }
        try (FlowGuidedColorizer resumed = new FlowGuidedColorizer(new GreyReadout(), SETTINGS, W, H)) {
            resumed.beginSequence(List.of(first), true);
            resumed.readState(new DataInputStream(new ByteArrayInputStream(state)));
            ColorizedFrame frame = resumed.colorizeFrame(second.lightness());
            assertArrayEquals(second.a().values(), frame.chroma().a().values(), 0.01f);
        }
    }
}
