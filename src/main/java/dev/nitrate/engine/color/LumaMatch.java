package dev.nitrate.engine.color;

import dev.nitrate.engine.image.LabImage;

/**
 * Gives a colorized frame the luma of the grayscale frame it was made from.
 *
 * <p>A grayscale film records luma, {@code Y' = 0.299 R' + 0.587 G' + 0.114 B'} (BT.601, on
 * gamma-encoded code values) as FFmpeg, OpenCV and most tools compute it when they make gray from
 * colour. CIE L*, in which the colorizer works, is a different quantity: composing the film's L* with
 * predicted a*, b* changes the luma wherever the colour is saturated (a red keeps L* but loses Y').
 * This class shifts each output pixel along the grey axis, {@code (R', G', B') + d (1, 1, 1)}, so
 * that its luma equals the source pixel's; the shift leaves the colour-difference signals unchanged.
 * Where the gamut does not allow the full chroma at that luma the chroma is scaled down, to grey if
 * need be, and a search of the neighbouring code values makes the rounded luma exact.
 *
 * <p>RGB buffers are interleaved; 8-bit values are unsigned bytes, 16-bit values unsigned shorts.
 */
public final class LumaMatch {

    private static final double KR = 0.299;
    private static final double KG = 0.587;
    private static final double KB = 0.114;

    private LumaMatch() {}

    /** The luma of a pixel, {@code 0.299 r + 0.587 g + 0.114 b}, unrounded, at the pixel's own bit depth. */
    public static double exactLuma(int r, int g, int b) {
        return KR * r + KG * g + KB * b;
    }

    /** The luma of a pixel rounded to a code value, {@code round(0.299 r + 0.587 g + 0.114 b)}. */
    public static int luma(int r, int g, int b) {
        return (int) Math.round(exactLuma(r, g, b));
    }

    /**
     * Converts Lab to 8-bit RGB whose luma equals the reference's at every pixel.
     *
     * @param image the colorized frame (its lightness is only used through {@link CieLab#toRgb8})
     * @param referenceRgb the grayscale (or colour) source frame, same size, interleaved 8-bit RGB
     */
    public static byte[] toRgb8(LabImage image, byte[] referenceRgb) {
        byte[] rgb = CieLab.toRgb8(image);
        matchInPlace8(rgb, referenceRgb);
        return rgb;
    }

    /** Converts Lab to 16-bit RGB whose luma equals the reference's (16-bit) at every pixel. */
    public static short[] toRgb16(LabImage image, short[] referenceRgb) {
        short[] rgb = CieLab.toRgb16(image);
        matchInPlace16(rgb, referenceRgb);
        return rgb;
    }

    /** Replaces each pixel of {@code rgb} by the nearest colour with the reference pixel's luma. */
    public static void matchInPlace8(byte[] rgb, byte[] referenceRgb) {
        requireSameLength(rgb.length, referenceRgb.length);
        CieLab.inChunks(rgb.length / 3, (from, to) -> {
            int[] pixel = new int[3];
            for (int i = 3 * from; i < 3 * to; i += 3) {
                int target = luma(referenceRgb[i] & 0xFF, referenceRgb[i + 1] & 0xFF, referenceRgb[i + 2] & 0xFF);
                matchPixel(rgb[i] & 0xFF, rgb[i + 1] & 0xFF, rgb[i + 2] & 0xFF, target, 255, pixel);
                rgb[i] = (byte) pixel[0];
                rgb[i + 1] = (byte) pixel[1];
                rgb[i + 2] = (byte) pixel[2];
            }
        });
    }

    /** As {@link #matchInPlace8} for 16-bit buffers. */
    public static void matchInPlace16(short[] rgb, short[] referenceRgb) {
        requireSameLength(rgb.length, referenceRgb.length);
        CieLab.inChunks(rgb.length / 3, (from, to) -> {
            int[] pixel = new int[3];
            for (int i = 3 * from; i < 3 * to; i += 3) {
                int target = luma(referenceRgb[i] & 0xFFFF, referenceRgb[i + 1] & 0xFFFF, referenceRgb[i + 2] & 0xFFFF);
                matchPixel(rgb[i] & 0xFFFF, rgb[i + 1] & 0xFFFF, rgb[i + 2] & 0xFFFF, target, 65535, pixel);
                rgb[i] = (short) pixel[0];
                rgb[i + 1] = (short) pixel[1];
                rgb[i + 2] = (short) pixel[2];
            }
        });
    }

    /**
     * The colour nearest to {@code (r, g, b)} along the grey axis whose luma is {@code target}.
     *
     * @param max the largest code value (255 or 65535)
     * @param out receives the three code values
     */
    public static void matchPixel(int r, int g, int b, int target, int max, int[] out) {
        double y = exactLuma(r, g, b);
        double offsetR = r - y;
        double offsetG = g - y;
        double offsetB = b - y;
        double scale = Math.min(chromaRoom(offsetR, target, max), Math.min(chromaRoom(offsetG, target, max), chromaRoom(offsetB, target, max)));
        int baseR = clamp(Math.round(target + scale * offsetR), max);
        int baseG = clamp(Math.round(target + scale * offsetG), max);
        int baseB = clamp(Math.round(target + scale * offsetB), max);
        if (luma(baseR, baseG, baseB) == target) {
            out[0] = baseR;
            out[1] = baseG;
            out[2] = baseB;
            return;
        }
        int bestDistance = Integer.MAX_VALUE;
        for (int dr = -1; dr <= 1; dr++) {
            for (int dg = -1; dg <= 1; dg++) {
                for (int db = -1; db <= 1; db++) {
                    int cr = baseR + dr;
                    int cg = baseG + dg;
                    int cb = baseB + db;
                    if (cr < 0 || cg < 0 || cb < 0 || cr > max || cg > max || cb > max || luma(cr, cg, cb) != target) {
                        continue;
                    }
                    int distance = dr * dr + dg * dg + db * db;
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        out[0] = cr;
                        out[1] = cg;
                        out[2] = cb;
                    }
                }
            }
        }
        if (bestDistance == Integer.MAX_VALUE) {
            out[0] = target;
            out[1] = target;
            out[2] = target;
        }
    }

    /** The largest factor (at most 1) by which a colour offset fits between 0 and max around the target. */
    private static double chromaRoom(double offset, int target, int max) {
        if (target + offset > max) {
            return Math.max(0, (max - target) / offset);
        }
        if (target + offset < 0) {
            return Math.max(0, -target / offset);
        }
        return 1.0;
    }

    private static int clamp(long value, int max) {
        return (int) Math.max(0, Math.min(max, value));
    }

    private static void requireSameLength(int colour, int reference) {
        if (colour != reference) {
            throw new IllegalArgumentException("the colour frame has " + colour + " RGB values, the reference " + reference);
        }
    }
}
