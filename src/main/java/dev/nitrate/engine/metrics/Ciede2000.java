package dev.nitrate.engine.metrics;

import dev.nitrate.engine.image.LabImage;

/** The CIEDE2000 colour difference (CIE 142-2001, as written out by Sharma, Wu and Dalal, 2005), kL = kC = kH = 1. */
public final class Ciede2000 {

    private static final double POW25_7 = Math.pow(25, 7);

    private Ciede2000() {}

    /** The CIEDE2000 difference between two Lab colours. */
    public static double difference(double l1, double a1, double b1, double l2, double a2, double b2) {
        double chroma1 = Math.hypot(a1, b1);
        double chroma2 = Math.hypot(a2, b2);
        double meanChroma = (chroma1 + chroma2) / 2;
        double meanChroma7 = Math.pow(meanChroma, 7);
        double g = 0.5 * (1 - Math.sqrt(meanChroma7 / (meanChroma7 + POW25_7)));
        double a1p = (1 + g) * a1;
        double a2p = (1 + g) * a2;
        double c1p = Math.hypot(a1p, b1);
        double c2p = Math.hypot(a2p, b2);
        double h1p = hueDegrees(a1p, b1);
        double h2p = hueDegrees(a2p, b2);

        double deltaL = l2 - l1;
        double deltaC = c2p - c1p;
        double deltaHueAngle;
        boolean achromatic = c1p * c2p == 0;
        if (achromatic) {
            deltaHueAngle = 0;
        } else {
            deltaHueAngle = h2p - h1p;
            if (deltaHueAngle > 180) {
                deltaHueAngle -= 360;
            } else if (deltaHueAngle < -180) {
                deltaHueAngle += 360;
            }
        }
        double deltaH = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(deltaHueAngle / 2));

        double meanL = (l1 + l2) / 2;
        double meanCp = (c1p + c2p) / 2;
        double meanHp;
        if (achromatic) {
            meanHp = h1p + h2p;
        } else if (Math.abs(h1p - h2p) <= 180) {
            meanHp = (h1p + h2p) / 2;
        } else if (h1p + h2p < 360) {
            meanHp = (h1p + h2p + 360) / 2;
        } else {
            meanHp = (h1p + h2p - 360) / 2;
        }
        double t = 1 - 0.17 * Math.cos(Math.toRadians(meanHp - 30))
                + 0.24 * Math.cos(Math.toRadians(2 * meanHp))
                + 0.32 * Math.cos(Math.toRadians(3 * meanHp + 6))
                - 0.20 * Math.cos(Math.toRadians(4 * meanHp - 63));
        double deltaTheta = 30 * Math.exp(-Math.pow((meanHp - 275) / 25, 2));
        double meanCp7 = Math.pow(meanCp, 7);
        double rc = 2 * Math.sqrt(meanCp7 / (meanCp7 + POW25_7));
        double lMinus50Squared = (meanL - 50) * (meanL - 50);
        double sl = 1 + 0.015 * lMinus50Squared / Math.sqrt(20 + lMinus50Squared);
        double sc = 1 + 0.045 * meanCp;
        double sh = 1 + 0.015 * meanCp * t;
        double rt = -Math.sin(Math.toRadians(2 * deltaTheta)) * rc;

        double termL = deltaL / sl;
        double termC = deltaC / sc;
        double termH = deltaH / sh;
        return Math.sqrt(termL * termL + termC * termC + termH * termH + rt * termC * termH);
    }

    private static double hueDegrees(double a, double b) {
        if (a == 0 && b == 0) {
            return 0;
        }
        double h = Math.toDegrees(Math.atan2(b, a));
        return h < 0 ? h + 360 : h;
    }

    /** The mean difference over corresponding pixels of two Lab images of the same size. */
    public static double mean(LabImage first, LabImage second) {
        if (first.width() != second.width() || first.height() != second.height()) {
            throw new IllegalArgumentException("images differ in size: " + first.width() + "x" + first.height()
                    + " and " + second.width() + "x" + second.height());
        }
        float[] l1 = first.lightness().values(), a1 = first.a().values(), b1 = first.b().values();
        float[] l2 = second.lightness().values(), a2 = second.a().values(), b2 = second.b().values();
        double sum = 0;
        for (int i = 0; i < l1.length; i++) {
            sum += difference(l1[i], a1[i], b1[i], l2[i], a2[i], b2[i]);
        }
        return sum / l1.length;
    }
}
