package dev.nitrate.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nitrate.engine.color.CieLab;
import dev.nitrate.engine.color.LumaMatch;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.video.RgbPixels;
import dev.nitrate.testing.MeanChromaColorizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FramePipelineTest {

    private static final int W = 6;
    private static final int H = 4;

    private static byte[] grayRamp() {
        byte[] rgb = new byte[W * H * 3];
        for (int i = 0; i < W * H; i++) {
            byte v = (byte) (20 + i * 9);
            rgb[3 * i] = v;
            rgb[3 * i + 1] = v;
            rgb[3 * i + 2] = v;
        }
        return rgb;
    }

    private static MeanChromaColorizer colourful() {
        MeanChromaColorizer colorizer = new MeanChromaColorizer(W, H);
        FloatPlane l = new FloatPlane(W, H, new float[W * H]);
        float[] a = new float[W * H];
        float[] b = new float[W * H];
        java.util.Arrays.fill(a, 40f);
        java.util.Arrays.fill(b, -30f);
        colorizer.beginSequence(List.of(new LabImage(l, new FloatPlane(W, H, a), new FloatPlane(W, H, b))), false);
        return colorizer;
    }

    @Test
    void colourisedFrameKeepsTheSourceLumaAndIsTimedStageByStage() throws Exception {
        byte[] source = grayRamp();
        List<FramePipeline.Stage> heard = new ArrayList<>();
        byte[] result = new FramePipeline(colourful(), (stage, nanos) -> heard.add(stage)).colorizeRgb8(source, W, H);

        assertEquals(List.of(FramePipeline.Stage.TO_LAB, FramePipeline.Stage.COLORIZE, FramePipeline.Stage.TO_RGB), heard);
        boolean coloured = false;
        for (int i = 0; i < result.length; i += 3) {
            int r = result[i] & 0xFF;
            int g = result[i + 1] & 0xFF;
            int b = result[i + 2] & 0xFF;
            assertEquals(source[i] & 0xFF, LumaMatch.luma(r, g, b), "luma at pixel " + i / 3);
            coloured |= r != g || g != b;
        }
        assertEquals(true, coloured, "the stand-in's chroma must show in the result");
    }

    @Test
    void eightBitPathsAgree() throws Exception {
        byte[] source = grayRamp();
        byte[] fromBytes = new FramePipeline(colourful()).colorizeRgb8(source, W, H);
        RgbPixels fromPixels = new FramePipeline(colourful())
                .colorize(CieLab.lightnessOfRgb8(source, W, H), new RgbPixels.Rgb8(W, H, source), false);
        assertArrayEquals(fromBytes, fromPixels.toRgb8());
    }
}
