package dev.nitrate.engine.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** The flow stage on a textured scene that the camera pans over: colours follow the motion, frame 0 stays exact. */
class FlowGuidedColorizerTest {

    private static final int W = 160;
    private static final int H = 120;
    private static final int SHIFT_X = 3;
    private static final int SHIFT_Y = 2;
    private static final PackManifest.FlowSettings SETTINGS = new PackManifest.FlowSettings("medium", W * H, 1.5f, 0.98f, 0.2f);
    private static final PackManifest.FlowSettings CHECKED = new PackManifest.FlowSettings("medium", W * H, 1.5f, 0.98f, 0.2f, 3f);
    private static final Scene SCENE = new Scene(new Random(7));

    /** A readout stand-in: grey everywhere, as a pack that knows nothing would give. */
    private static final class GreyReadout extends StatelessColorizer {
        @Override
        public void beginSequence(List<LabImage> exemplars, boolean firstFrameIsExemplar) {
        }

        @Override
        public ChromaPlanes colorize(FloatPlane lightness) {
            return new ChromaPlanes(FloatPlane.zeros(lightness.width(), lightness.height()),
                    FloatPlane.zeros(lightness.width(), lightness.height()));
        }
    }

    @Test
    void theExemplarFrameComesBackUnchangedWithFullConfidence() throws Exception {
        LabImage exemplar = SCENE.frame(0);
        try (FlowGuidedColorizer colorizer = new FlowGuidedColorizer(new GreyReadout(), SETTINGS, W, H)) {
            colorizer.beginSequence(List.of(exemplar), true);
            ColorizedFrame first = colorizer.colorizeFrame(exemplar.lightness());
            assertArrayEquals(exemplar.a().values(), first.chroma().a().values());
            assertArrayEquals(exemplar.b().values(), first.chroma().b().values());
            for (float c : first.confidence().orElseThrow().values()) {
                assertEquals(1f, c);
            }
        }
    }

    @Test
    void coloursFollowTheCameraAndNewContentIsLessCertain() throws Exception {
        try (FlowGuidedColorizer colorizer = new FlowGuidedColorizer(new GreyReadout(), SETTINGS, W, H)) {
            colorizer.beginSequence(List.of(SCENE.frame(0)), true);
            colorizer.colorizeFrame(SCENE.frame(0).lightness());
            for (int t = 1; t <= 6; t++) {
                LabImage truth = SCENE.frame(t);
                ColorizedFrame result = colorizer.colorizeFrame(truth.lightness());
                float[] confidence = result.confidence().orElseThrow().values();
                double error = 0;
                double greyError = 0;
                double inner = 0;
                int n = 0;
                for (int y = 20; y < H - 20; y++) {
                    for (int x = 20 + SHIFT_X * t; x < W - 20; x++) {
                        int i = y * W + x;
                        error += Math.abs(result.chroma().a().values()[i] - truth.a().values()[i])
                                + Math.abs(result.chroma().b().values()[i] - truth.b().values()[i]);
                        greyError += Math.abs(truth.a().values()[i]) + Math.abs(truth.b().values()[i]);
                        inner += confidence[i];
                        n++;
                    }
                }
                assertTrue(error / n < 2.0, "frame " + t + ": mean |da|+|db| " + error / n + " (grey " + greyError / n + ")");
                assertTrue(inner / n > 0.9, "frame " + t + ": confidence where the exemplar is seen " + inner / n);
                double entering = 0;
                for (int y = 20; y < H - 20; y++) {
                    entering += confidence[y * W + W - 1];
                }
                assertTrue(entering / (H - 40) < 0.5, "frame " + t + ": confidence on content the exemplar lacks " + entering / (H - 40));
                for (float c : confidence) {
                    assertTrue(c >= 0f && c <= 1f, "confidence " + c);
                }
            }
        }
    }

    @Test
    void aBackgroundUncoveredWhereAnObjectStoodIsNotTrustedWithTheObjectsColour() throws Exception {
        int startX = 50;
        int y0 = 60;
        int last = 12;
        float[] unchecked = uncoveredChroma(SETTINGS, startX, y0, last);
        float[] checked = uncoveredChroma(CHECKED, startX, y0, last);
        String figures = "|a|+|b| and confidence with the lightness check " + checked[0] + ", " + checked[1] + "; without "
                + unchecked[0] + ", " + unchecked[1];
        assertTrue(unchecked[0] > 40 && unchecked[1] > 0.8, "the flow's own check lets the disc's colour through, sure of it: " + figures);
        assertTrue(checked[0] < 0.6 * unchecked[0], "the lightness check keeps most of it out: " + figures);
        assertTrue(checked[1] < 0.6, "and says it is unsure there: " + figures);
    }

    /**
     * A dark red disc on a still, neutral, textured background moves 4 px a frame to the right; the mean |a|+|b| and
     * confidence of the last frame where the disc stood in the exemplar (now background).
     */
    private static float[] uncoveredChroma(PackManifest.FlowSettings settings, int startX, int y0, int last) throws Exception {
        try (FlowGuidedColorizer colorizer = new FlowGuidedColorizer(new GreyReadout(), settings, W, H)) {
            colorizer.beginSequence(List.of(discFrame(startX, y0)), true);
            ColorizedFrame result = null;
            for (int t = 0; t <= last; t++) {
                result = colorizer.colorizeFrame(discFrame(startX + 4 * t, y0).lightness());
            }
            float chroma = 0;
            float confidence = 0;
            int n = 0;
            for (int y = y0 - 5; y <= y0 + 5; y++) {
                for (int x = startX - 5; x <= startX + 5; x++) {
                    int i = y * W + x;
                    chroma += Math.abs(result.chroma().a().values()[i]) + Math.abs(result.chroma().b().values()[i]);
                    confidence += result.confidence().orElseThrow().values()[i];
                    n++;
                }
            }
            return new float[] {chroma / n, confidence / n};
        }
    }

    private static LabImage discFrame(int cx, int cy) {
        float[] l = SCENE.frame(0).lightness().values().clone();
        float[] a = new float[W * H];
        float[] b = new float[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= 12 * 12) {
                    int i = y * W + x;
                    l[i] = 20;
                    a[i] = 45;
                    b[i] = 30;
                }
            }
        }
        return new LabImage(new FloatPlane(W, H, l), new FloatPlane(W, H, a), new FloatPlane(W, H, b));
    }

    @Test
    void aSavedStateContinuesBitExactly() throws Exception {
        savedStateContinuesBitExactly(SETTINGS);
    }

    @Test
    void aSavedStateWithTheLightnessCheckContinuesBitExactly() throws Exception {
        savedStateContinuesBitExactly(CHECKED);
    }

    private static void savedStateContinuesBitExactly(PackManifest.FlowSettings settings) throws Exception {
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        ColorizedFrame expected;
        try (FlowGuidedColorizer first = new FlowGuidedColorizer(new GreyReadout(), settings, W, H)) {
            first.beginSequence(List.of(SCENE.frame(0)), true);
            for (int t = 0; t <= 2; t++) {
                first.colorizeFrame(SCENE.frame(t).lightness());
            }
            first.writeState(new DataOutputStream(saved));
            expected = first.colorizeFrame(SCENE.frame(3).lightness());
        }
        try (FlowGuidedColorizer second = new FlowGuidedColorizer(new GreyReadout(), settings, W, H)) {
            second.beginSequence(List.of(SCENE.frame(5)), false);
            second.readState(new DataInputStream(new ByteArrayInputStream(saved.toByteArray())));
            ColorizedFrame resumed = second.colorizeFrame(SCENE.frame(3).lightness());
            assertArrayEquals(expected.chroma().a().values(), resumed.chroma().a().values());
            assertArrayEquals(expected.chroma().b().values(), resumed.chroma().b().values());
            assertArrayEquals(expected.confidence().orElseThrow().values(), resumed.confidence().orElseThrow().values());
        }
    }

    /** Smooth random texture with colours tied to it, on a canvas larger than the frame; frame t is shifted by t steps. */
    private record Scene(float[] l, float[] a, float[] b, int width, int height) {

        Scene(Random random) {
            this(new float[(W + 60) * (H + 40)], new float[(W + 60) * (H + 40)], new float[(W + 60) * (H + 40)], W + 60, H + 40);
            int blobs = 90;
            float[][] centres = new float[blobs][];
            for (int k = 0; k < blobs; k++) {
                centres[k] = new float[] {random.nextFloat() * width, random.nextFloat() * height, 4 + 8 * random.nextFloat(),
                        random.nextFloat() * 2 - 1, random.nextFloat() * 2 - 1, random.nextFloat() * 2 - 1};
            }
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    float sl = 0;
                    float sa = 0;
                    float sb = 0;
                    for (float[] c : centres) {
                        float dx = x - c[0];
                        float dy = y - c[1];
                        float g = (float) Math.exp(-(dx * dx + dy * dy) / (2 * c[2] * c[2]));
                        sl += g * c[3];
                        sa += g * c[4];
                        sb += g * c[5];
                    }
                    l[y * width + x] = Math.max(0, Math.min(100, 50 + 30 * sl));
                    a[y * width + x] = 40 * (float) Math.tanh(sa);
                    b[y * width + x] = 40 * (float) Math.tanh(sb);
                }
            }
        }

        LabImage frame(int t) {
            return new LabImage(crop(l, t), crop(a, t), crop(b, t));
        }

        private FloatPlane crop(float[] plane, int t) {
            float[] out = new float[W * H];
            for (int y = 0; y < H; y++) {
                System.arraycopy(plane, (y + SHIFT_Y * t) * width + SHIFT_X * t, out, y * W, W);
            }
            return new FloatPlane(W, H, out);
        }
    }
}
