package dev.nitrate.engine.color;

import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;

/**
 * Conversion between sRGB and CIE Lab under D65 with the constants scikit-image uses
 * (the colour space ColorMNet was trained in).
 *
 * <p>RGB buffers are interleaved ({@code r, g, b, r, g, b, ...}). 8-bit values are unsigned bytes,
 * 16-bit values unsigned shorts. Conversions back to RGB clip to the gamut and round to the
 * nearest code value.
 */
public final class CieLab {

    private static final double WHITE_X = 0.95047;
    private static final double WHITE_Y = 1.0;
    private static final double WHITE_Z = 1.08883;

    private static final double[][] XYZ_FROM_RGB = {
        {0.412453, 0.357580, 0.180423},
        {0.212671, 0.715160, 0.072169},
        {0.019334, 0.119193, 0.950227},
    };
    private static final double[][] RGB_FROM_XYZ = invert3x3(XYZ_FROM_RGB);

    private static final int ENCODE_TABLE_SIZE = 1 << 14;
    private static final float[] LINEAR_FROM_CODE16 = new float[65536];
    private static final float[] LIGHTNESS_FROM_GRAY16 = new float[65536];
    private static final float[] ENCODE_TABLE = new float[ENCODE_TABLE_SIZE + 2];
    /** Size of the interpolated table of {@code labF} over [0, 1]. */
    private static final int F_TABLE_SIZE = 1 << 16;
    private static final float[] F_TABLE = new float[F_TABLE_SIZE + 2];
    /** {@code XYZ_FROM_RGB[row][col] * linear(code8) / white[row]}, per row and column: 9 tables of 256. */
    private static final float[][] XYZ_PART_FROM_CODE8 = new float[9][256];
    /** Pixels from which the conversions split their work over two threads. */
    private static final int PARALLEL_PIXELS = 1 << 17;
    /** Size of the table from linear light to the nearest 8-bit code (fine enough to stay within 0.51 code). */
    private static final int CODE8_TABLE_SIZE = 1 << 18;
    private static final byte[] CODE8_FROM_LINEAR = new byte[CODE8_TABLE_SIZE + 1];
    private static final float F_LINEAR_LIMIT = 0.2068966f;
    private static final float F_OFFSET = 16f / 116f;

    static {
        for (int v = 0; v < 65536; v++) {
            double linear = srgbToLinear(v / 65535.0);
            LINEAR_FROM_CODE16[v] = (float) linear;
            LIGHTNESS_FROM_GRAY16[v] = (float) (116.0 * labF(linear / WHITE_Y) - 16.0);
        }
        for (int i = 0; i < ENCODE_TABLE.length; i++) {
            ENCODE_TABLE[i] = (float) linearToSrgb(Math.min(1.0, i / (double) ENCODE_TABLE_SIZE));
        }
        for (int i = 0; i < CODE8_FROM_LINEAR.length; i++) {
            CODE8_FROM_LINEAR[i] = (byte) Math.round(255.0 * linearToSrgb(i / (double) CODE8_TABLE_SIZE));
        }
        for (int i = 0; i < F_TABLE.length; i++) {
            F_TABLE[i] = (float) labF(Math.min(1.0, i / (double) F_TABLE_SIZE));
        }
        double[] white = {WHITE_X, WHITE_Y, WHITE_Z};
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                for (int v = 0; v < 256; v++) {
                    XYZ_PART_FROM_CODE8[row * 3 + col][v] = (float) (XYZ_FROM_RGB[row][col] * srgbToLinear(v / 255.0) / white[row]);
                }
            }
        }
    }

    private CieLab() {}

    /** sRGB transfer function, decoding: code value in [0, 1] to linear light. */
    public static double srgbToLinear(double code) {
        return code > 0.04045 ? Math.pow((code + 0.055) / 1.055, 2.4) : code / 12.92;
    }

    /** sRGB transfer function, encoding: linear light in [0, 1] to code value. */
    public static double linearToSrgb(double linear) {
        return linear > 0.0031308 ? 1.055 * Math.pow(linear, 1 / 2.4) - 0.055 : 12.92 * linear;
    }

    private static double labF(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116.0;
    }

    private static double labFInverse(double f) {
        return f > 0.2068966 ? f * f * f : (f - 16.0 / 116.0) / 7.787;
    }

    /** CIE L of a neutral grey given as a 16-bit code value. */
    public static float lightnessOfGray16(int code) {
        return LIGHTNESS_FROM_GRAY16[code & 0xFFFF];
    }

    /** CIE L of a neutral grey given as an 8-bit code value. */
    public static float lightnessOfGray8(int code) {
        return LIGHTNESS_FROM_GRAY16[(code & 0xFF) * 257];
    }

    /** Converts one linear-light RGB triple to Lab, writing L, a, b into {@code out}. */
    public static void linearRgbToLab(double r, double g, double b, float[] out) {
        double x = XYZ_FROM_RGB[0][0] * r + XYZ_FROM_RGB[0][1] * g + XYZ_FROM_RGB[0][2] * b;
        double y = XYZ_FROM_RGB[1][0] * r + XYZ_FROM_RGB[1][1] * g + XYZ_FROM_RGB[1][2] * b;
        double z = XYZ_FROM_RGB[2][0] * r + XYZ_FROM_RGB[2][1] * g + XYZ_FROM_RGB[2][2] * b;
        double fx = labF(x / WHITE_X);
        double fy = labF(y / WHITE_Y);
        double fz = labF(z / WHITE_Z);
        out[0] = (float) (116.0 * fy - 16.0);
        out[1] = (float) (500.0 * (fx - fy));
        out[2] = (float) (200.0 * (fy - fz));
    }

    /** Converts one Lab triple to linear-light RGB (not clipped), writing r, g, b into {@code out}. */
    public static void labToLinearRgb(double lightness, double a, double b, double[] out) {
        double fy = (lightness + 16.0) / 116.0;
        double fx = a / 500.0 + fy;
        double fz = Math.max(0.0, fy - b / 200.0);
        double x = labFInverse(fx) * WHITE_X;
        double y = labFInverse(fy) * WHITE_Y;
        double z = labFInverse(fz) * WHITE_Z;
        out[0] = RGB_FROM_XYZ[0][0] * x + RGB_FROM_XYZ[0][1] * y + RGB_FROM_XYZ[0][2] * z;
        out[1] = RGB_FROM_XYZ[1][0] * x + RGB_FROM_XYZ[1][1] * y + RGB_FROM_XYZ[1][2] * z;
        out[2] = RGB_FROM_XYZ[2][0] * x + RGB_FROM_XYZ[2][1] * y + RGB_FROM_XYZ[2][2] * z;
    }

    /** Converts interleaved 8-bit RGB to Lab (through tables; within float rounding of {@link #linearRgbToLab}). */
    public static LabImage fromRgb8(byte[] rgb, int width, int height) {
        int n = checkedPixels(rgb.length, width, height);
        float[] l = new float[n];
        float[] a = new float[n];
        float[] b = new float[n];
        inChunks(n, (from, to) -> {
            float[][] t = XYZ_PART_FROM_CODE8;
            for (int i = from, j = 3 * from; i < to; i++, j += 3) {
                int r = rgb[j] & 0xFF;
                int g = rgb[j + 1] & 0xFF;
                int bl = rgb[j + 2] & 0xFF;
                float fx = labFTable(t[0][r] + t[1][g] + t[2][bl]);
                float fy = labFTable(t[3][r] + t[4][g] + t[5][bl]);
                float fz = labFTable(t[6][r] + t[7][g] + t[8][bl]);
                l[i] = 116f * fy - 16f;
                a[i] = 500f * (fx - fy);
                b[i] = 200f * (fy - fz);
            }
        });
        return new LabImage(new FloatPlane(width, height, l), new FloatPlane(width, height, a), new FloatPlane(width, height, b));
    }

    /** {@code labF} of {@code t} in [0, 1] (clipped) through the interpolated table. */
    private static float labFTable(float t) {
        if (!(t > 0)) {
            return F_TABLE[0];
        }
        float position = Math.min(t, 1f) * F_TABLE_SIZE;
        int index = (int) position;
        float fraction = position - index;
        return F_TABLE[index] + fraction * (F_TABLE[index + 1] - F_TABLE[index]);
    }

    /** Runs {@code work} over [0, n) in one piece, or in two halves on two threads for large images. */
    /** Runs {@code work} on pixel ranges [from, to): the whole range, or two halves in parallel for large frames. */
    static void inChunks(int n, java.util.function.BiConsumer<Integer, Integer> work) {
        if (n < PARALLEL_PIXELS) {
            work.accept(0, n);
            return;
        }
        int half = n / 2;
        java.util.stream.IntStream.range(0, 2).parallel().forEach(part -> work.accept(part == 0 ? 0 : half, part == 0 ? half : n));
    }

    /** Converts interleaved 16-bit RGB to Lab. */
    public static LabImage fromRgb16(short[] rgb, int width, int height) {
        int n = checkedPixels(rgb.length, width, height);
        float[] l = new float[n];
        float[] a = new float[n];
        float[] b = new float[n];
        float[] lab = new float[3];
        for (int i = 0, j = 0; i < n; i++, j += 3) {
            linearRgbToLab(
                    LINEAR_FROM_CODE16[rgb[j] & 0xFFFF],
                    LINEAR_FROM_CODE16[rgb[j + 1] & 0xFFFF],
                    LINEAR_FROM_CODE16[rgb[j + 2] & 0xFFFF],
                    lab);
            l[i] = lab[0];
            a[i] = lab[1];
            b[i] = lab[2];
        }
        return new LabImage(new FloatPlane(width, height, l), new FloatPlane(width, height, a), new FloatPlane(width, height, b));
    }

    /** CIE L of interleaved 8-bit RGB (the grayscale that the model sees of a colour source); neutral pixels by table. */
    public static FloatPlane lightnessOfRgb8(byte[] rgb, int width, int height) {
        int n = checkedPixels(rgb.length, width, height);
        float[] l = new float[n];
        inChunks(n, (from, to) -> {
            float[] yr = XYZ_PART_FROM_CODE8[3];
            float[] yg = XYZ_PART_FROM_CODE8[4];
            float[] yb = XYZ_PART_FROM_CODE8[5];
            for (int i = from, j = 3 * from; i < to; i++, j += 3) {
                int r = rgb[j] & 0xFF;
                int g = rgb[j + 1] & 0xFF;
                int b = rgb[j + 2] & 0xFF;
                if (r == g && g == b) {
                    l[i] = LIGHTNESS_FROM_GRAY16[r * 257];
                } else {
                    l[i] = 116f * labFTable(yr[r] + yg[g] + yb[b]) - 16f;
                }
            }
        });
        return new FloatPlane(width, height, l);
    }

    /** CIE L of interleaved 16-bit RGB. */
    public static FloatPlane lightnessOfRgb16(short[] rgb, int width, int height) {
        int n = checkedPixels(rgb.length, width, height);
        float[] l = new float[n];
        for (int i = 0, j = 0; i < n; i++, j += 3) {
            l[i] = lightnessOfLinear(
                    LINEAR_FROM_CODE16[rgb[j] & 0xFFFF],
                    LINEAR_FROM_CODE16[rgb[j + 1] & 0xFFFF],
                    LINEAR_FROM_CODE16[rgb[j + 2] & 0xFFFF]);
        }
        return new FloatPlane(width, height, l);
    }

    private static float lightnessOfLinear(float r, float g, float b) {
        double y = XYZ_FROM_RGB[1][0] * r + XYZ_FROM_RGB[1][1] * g + XYZ_FROM_RGB[1][2] * b;
        return (float) (116.0 * labF(y / WHITE_Y) - 16.0);
    }

    /**
     * Converts Lab to interleaved 8-bit RGB, clipping to [0, 1] and rounding. Float arithmetic and
     * a 2^18-entry gamma table: each code is within 0.51 of the exact (double) value before rounding.
     */
    public static byte[] toRgb8(LabImage image) {
        int n = image.width() * image.height();
        byte[] out = new byte[n * 3];
        float[] l = image.lightness().values();
        float[] a = image.a().values();
        float[] b = image.b().values();
        float m00 = (float) (RGB_FROM_XYZ[0][0] * WHITE_X), m01 = (float) (RGB_FROM_XYZ[0][1] * WHITE_Y), m02 = (float) (RGB_FROM_XYZ[0][2] * WHITE_Z);
        float m10 = (float) (RGB_FROM_XYZ[1][0] * WHITE_X), m11 = (float) (RGB_FROM_XYZ[1][1] * WHITE_Y), m12 = (float) (RGB_FROM_XYZ[1][2] * WHITE_Z);
        float m20 = (float) (RGB_FROM_XYZ[2][0] * WHITE_X), m21 = (float) (RGB_FROM_XYZ[2][1] * WHITE_Y), m22 = (float) (RGB_FROM_XYZ[2][2] * WHITE_Z);
        inChunks(n, (from, to) -> {
            for (int i = from, j = 3 * from; i < to; i++, j += 3) {
                float fy = (l[i] + 16f) * (1f / 116f);
                float fx = a[i] * (1f / 500f) + fy;
                float fz = Math.max(0f, fy - b[i] * (1f / 200f));
                float x = labFInverseFloat(fx);
                float y = labFInverseFloat(fy);
                float z = labFInverseFloat(fz);
                out[j] = code8(m00 * x + m01 * y + m02 * z);
                out[j + 1] = code8(m10 * x + m11 * y + m12 * z);
                out[j + 2] = code8(m20 * x + m21 * y + m22 * z);
            }
        });
        return out;
    }

    private static float labFInverseFloat(float f) {
        return f > F_LINEAR_LIMIT ? f * f * f : (f - F_OFFSET) * (1f / 7.787f);
    }

    /** The 8-bit sRGB code of linear light, clipped to [0, 1], from the nearest table entry. */
    private static byte code8(float linear) {
        if (!(linear > 0f)) {
            return 0;
        }
        if (linear >= 1f) {
            return (byte) 255;
        }
        return CODE8_FROM_LINEAR[(int) (linear * CODE8_TABLE_SIZE + 0.5f)];
    }

    /** Converts Lab to interleaved 16-bit RGB, clipping to [0, 1] and rounding. */
    public static short[] toRgb16(LabImage image) {
        int n = image.width() * image.height();
        short[] out = new short[n * 3];
        float[] l = image.lightness().values();
        float[] a = image.a().values();
        float[] b = image.b().values();
        double[] rgb = new double[3];
        for (int i = 0, j = 0; i < n; i++, j += 3) {
            labToLinearRgb(l[i], a[i], b[i], rgb);
            out[j] = (short) Math.round(encode(rgb[0]) * 65535f);
            out[j + 1] = (short) Math.round(encode(rgb[1]) * 65535f);
            out[j + 2] = (short) Math.round(encode(rgb[2]) * 65535f);
        }
        return out;
    }

    /** Linear light to sRGB code in [0, 1], clipped, through an interpolated table. */
    static float encode(double linear) {
        if (!(linear > 0)) {
            return 0f;
        }
        if (linear >= 1) {
            return 1f;
        }
        if (linear < 0.0031308) {
            return (float) (12.92 * linear);
        }
        double position = linear * ENCODE_TABLE_SIZE;
        int index = (int) position;
        float fraction = (float) (position - index);
        return ENCODE_TABLE[index] + fraction * (ENCODE_TABLE[index + 1] - ENCODE_TABLE[index]);
    }

    private static int checkedPixels(int length, int width, int height) {
        int n = width * height;
        if (length != n * 3) {
            throw new IllegalArgumentException("RGB buffer of " + length + " values does not hold " + width + "x" + height + " pixels");
        }
        return n;
    }

    private static double[][] invert3x3(double[][] m) {
        double a = m[0][0], b = m[0][1], c = m[0][2];
        double d = m[1][0], e = m[1][1], f = m[1][2];
        double g = m[2][0], h = m[2][1], i = m[2][2];
        double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        return new double[][] {
            {(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det},
            {(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det},
            {(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det},
        };
    }
}
