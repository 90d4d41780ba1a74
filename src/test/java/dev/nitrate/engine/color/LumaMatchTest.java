package dev.nitrate.engine.color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LumaMatchTest {

    @Test
    void everyPixelGetsTheReferenceLumaAndInGamutColoursKeepTheirColourDifferences() {
        Random random = new Random(7);
        int pixels = 20_000;
        byte[] colour = new byte[pixels * 3];
        byte[] reference = new byte[pixels * 3];
        random.nextBytes(colour);
        for (int i = 0; i < pixels; i++) {
            byte gray = (byte) random.nextInt(256);
            reference[3 * i] = gray;
            reference[3 * i + 1] = gray;
            reference[3 * i + 2] = gray;
        }
        byte[] matched = colour.clone();
        LumaMatch.matchInPlace8(matched, reference);
        int unchangedDifferences = 0;
        int inGamut = 0;
        for (int i = 0; i < colour.length; i += 3) {
            int r = matched[i] & 0xFF;
            int g = matched[i + 1] & 0xFF;
            int b = matched[i + 2] & 0xFF;
            assertEquals(reference[i] & 0xFF, LumaMatch.luma(r, g, b), "pixel " + i / 3);
            double y = 0.299 * (colour[i] & 0xFF) + 0.587 * (colour[i + 1] & 0xFF) + 0.114 * (colour[i + 2] & 0xFF);
            int target = reference[i] & 0xFF;
            boolean fits = true;
            for (int c = 0; c < 3; c++) {
                double shifted = (colour[i + c] & 0xFF) - y + target;
                fits &= shifted >= 0.5 && shifted <= 254.5;
            }
            if (fits) {
                inGamut++;
                int[] before = {colour[i] & 0xFF, colour[i + 1] & 0xFF, colour[i + 2] & 0xFF};
                int[] after = {r, g, b};
                boolean close = true;
                for (int c = 0; c < 3; c++) {
                    close &= Math.abs((after[c] - after[(c + 1) % 3]) - (before[c] - before[(c + 1) % 3])) <= 2;
                }
                unchangedDifferences += close ? 1 : 0;
            }
        }
        assertTrue(inGamut > 2000, "enough in-gamut samples: " + inGamut);
        assertEquals(inGamut, unchangedDifferences, "in gamut, only the grey level moves");
    }

    @Test
    void aFrameLargeEnoughToBeSplitMatchesEveryPixelAsOnItsOwn() {
        int pixels = 400 * 400;
        Random random = new Random(3);
        byte[] colour = new byte[pixels * 3];
        byte[] reference = new byte[pixels * 3];
        random.nextBytes(colour);
        random.nextBytes(reference);
        byte[] matched = colour.clone();
        LumaMatch.matchInPlace8(matched, reference);
        int[] expected = new int[3];
        for (int i = 0; i < colour.length; i += 3) {
            int target = LumaMatch.luma(reference[i] & 0xFF, reference[i + 1] & 0xFF, reference[i + 2] & 0xFF);
            LumaMatch.matchPixel(colour[i] & 0xFF, colour[i + 1] & 0xFF, colour[i + 2] & 0xFF, target, 255, expected);
            assertArrayEquals(expected, new int[] {matched[i] & 0xFF, matched[i + 1] & 0xFF, matched[i + 2] & 0xFF}, "pixel " + i / 3);
        }
    }

    @Test
    void aColourThatCannotReachTheLumaIsDesaturatedNotClipped() {
        int[] out = new int[3];
        LumaMatch.matchPixel(255, 0, 0, 250, 255, out);
        assertEquals(250, LumaMatch.luma(out[0], out[1], out[2]));
        assertTrue(out[0] >= out[1] && out[0] >= out[2], "still reddish: " + java.util.Arrays.toString(out));
        assertEquals(out[1], out[2], 1, "the hue's direction is kept: green and blue move together");
        LumaMatch.matchPixel(0, 0, 255, 0, 255, out);
        assertArrayEquals(new int[] {0, 0, 0}, out, "black has no room for colour");
    }

    @Test
    void composingLabWithAGrayFramesLumaComesCloserToTheColourFrameTheGrayWasMadeFrom() {
        Random random = new Random(11);
        int pixels = 5_000;
        byte[] truth = new byte[pixels * 3];
        for (int i = 0; i < pixels; i++) {
            int base = 50 + random.nextInt(150);
            for (int c = 0; c < 3; c++) {
                truth[3 * i + c] = (byte) (base + random.nextInt(81) - 40);
            }
        }
        LabImage lab = CieLab.fromRgb8(truth, pixels, 1);
        byte[] gray = new byte[truth.length];
        for (int i = 0; i < truth.length; i += 3) {
            byte y = (byte) LumaMatch.luma(truth[i] & 0xFF, truth[i + 1] & 0xFF, truth[i + 2] & 0xFF);
            gray[i] = y;
            gray[i + 1] = y;
            gray[i + 2] = y;
        }
        LabImage composed = new LabImage(CieLab.lightnessOfRgb8(gray, pixels, 1), lab.a(), lab.b());
        double plainError = meanAbsoluteError(CieLab.toRgb8(composed), truth);
        double matchedError = meanAbsoluteError(LumaMatch.toRgb8(composed, gray), truth);
        assertTrue(plainError > 3, "L* of the gray frame is not the colour frame's L*: " + plainError);
        assertTrue(matchedError < plainError / 3, "keeping the luma brings the colours back: " + matchedError + " vs " + plainError);
    }

    private static double meanAbsoluteError(byte[] result, byte[] truth) {
        long sum = 0;
        for (int i = 0; i < truth.length; i++) {
            sum += Math.abs((result[i] & 0xFF) - (truth[i] & 0xFF));
        }
        return sum / (double) truth.length;
    }

    @Test
    void sixteenBitFramesMatchAtTheirOwnDepth() {
        short[] colour = {(short) 60000, 1000, 2000, 100, 200, 300};
        short[] reference = {(short) 30000, (short) 30000, (short) 30000, (short) 65535, (short) 65535, (short) 65535};
        LumaMatch.matchInPlace16(colour, reference);
        assertEquals(30000, LumaMatch.luma(colour[0] & 0xFFFF, colour[1] & 0xFFFF, colour[2] & 0xFFFF));
        assertEquals(65535, LumaMatch.luma(colour[3] & 0xFFFF, colour[4] & 0xFFFF, colour[5] & 0xFFFF));
        assertThrows(IllegalArgumentException.class, () -> LumaMatch.matchInPlace8(new byte[6], new byte[3]));
    }
}
