package dev.nitrate.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How far two 8-bit pictures of the same size are apart. */
public final class PixelDifference {

    private PixelDifference() {}

    /** The mean absolute difference of the code values of {@code a} and {@code b}, which must be of one length. */
    public static double mean(byte[] a, byte[] b) {
        assertEquals(a.length, b.length);
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 255) - (b[i] & 255));
        }
        return (double) sum / a.length;
    }
}
