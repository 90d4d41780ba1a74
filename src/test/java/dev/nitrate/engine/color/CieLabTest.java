package dev.nitrate.engine.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The table-driven conversions against the exact (double) formulas, on images large enough to run on two threads. */
class CieLabTest {

    private static final int W = 640;
    private static final int H = 360;

    /** Lab units: float rounding of the tables. */
    private static final double LAB_TOLERANCE = 2e-3;
    /** 8-bit code values: the rounding itself (0.5) plus float rounding. */
    private static final double CODE_TOLERANCE = 0.51;

    private static byte[] randomRgb(Random random, boolean someGray) {
        byte[] rgb = new byte[W * H * 3];
        random.nextBytes(rgb);
        if (someGray) {
            for (int j = 0; j < rgb.length; j += 6) {
                rgb[j + 1] = rgb[j];
                rgb[j + 2] = rgb[j];
            }
        }
        return rgb;
    }

    private static float[] exactLab(byte[] rgb, int j) {
        float[] lab = new float[3];
        CieLab.linearRgbToLab(CieLab.srgbToLinear((rgb[j] & 0xFF) / 255.0), CieLab.srgbToLinear((rgb[j + 1] & 0xFF) / 255.0),
                CieLab.srgbToLinear((rgb[j + 2] & 0xFF) / 255.0), lab);
        return lab;
    }

    @Test
    void fromRgb8MatchesTheExactFormula() {
        byte[] rgb = randomRgb(new Random(1), true);
        LabImage lab = CieLab.fromRgb8(rgb, W, H);
        for (int i = 0; i < W * H; i++) {
            float[] exact = exactLab(rgb, 3 * i);
            assertEquals(exact[0], lab.lightness().values()[i], LAB_TOLERANCE, "L at " + i);
            assertEquals(exact[1], lab.a().values()[i], LAB_TOLERANCE, "a at " + i);
            assertEquals(exact[2], lab.b().values()[i], LAB_TOLERANCE, "b at " + i);
        }
    }

    @Test
    void lightnessOfRgb8MatchesTheExactFormulaForGrayAndColour() {
        byte[] rgb = randomRgb(new Random(2), true);
        FloatPlane l = CieLab.lightnessOfRgb8(rgb, W, H);
        for (int i = 0; i < W * H; i++) {
            assertEquals(exactLab(rgb, 3 * i)[0], l.values()[i], LAB_TOLERANCE, "L at " + i);
        }
        assertEquals(0.0, CieLab.lightnessOfGray8(0), 1e-6);
        assertEquals(100.0, CieLab.lightnessOfGray8(255), 1e-3);
    }

    @Test
    void toRgb8IsWithinHalfACodeValueOfTheExactFormula() {
        Random random = new Random(3);
        int n = W * H;
        float[] l = new float[n];
        float[] a = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            l[i] = random.nextFloat() * 100f;
            boolean neutral = i % 7 == 0;
            a[i] = neutral ? 0f : (random.nextFloat() - 0.5f) * 160f;
            b[i] = neutral ? 0f : (random.nextFloat() - 0.5f) * 160f;
        }
        byte[] rgb = CieLab.toRgb8(new LabImage(new FloatPlane(W, H, l), new FloatPlane(W, H, a), new FloatPlane(W, H, b)));
        double[] linear = new double[3];
        double worst = 0;
        int clippedInside = 0;
        for (int i = 0; i < n; i++) {
            CieLab.labToLinearRgb(l[i], a[i], b[i], linear);
            for (int c = 0; c < 3; c++) {
                double exact = 255.0 * CieLab.linearToSrgb(Math.min(1.0, Math.max(0.0, linear[c])));
                double error = Math.abs((rgb[3 * i + c] & 0xFF) - exact);
                worst = Math.max(worst, error);
                if (exact > 0.5 && exact < 254.5) {
                    clippedInside++;
                }
            }
        }
        assertTrue(worst <= CODE_TOLERANCE, "worst code error " + worst);
        assertTrue(clippedInside > n, "the probe must cover in-gamut values, got " + clippedInside);
    }

    @Test
    void grayRoundTripsThroughLabExactly() {
        byte[] rgb = new byte[256 * 3];
        for (int v = 0; v < 256; v++) {
            rgb[3 * v] = rgb[3 * v + 1] = rgb[3 * v + 2] = (byte) v;
        }
        LabImage lab = CieLab.fromRgb8(rgb, 256, 1);
        byte[] back = CieLab.toRgb8(lab);
        for (int i = 0; i < rgb.length; i++) {
            assertEquals(rgb[i] & 0xFF, back[i] & 0xFF, "code " + i / 3);
        }
    }
}
