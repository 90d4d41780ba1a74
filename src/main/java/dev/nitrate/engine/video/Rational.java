package dev.nitrate.engine.video;

import java.math.BigInteger;
import java.util.Locale;

/**
 * An exact positive fraction, used for frame rates: 24000/1001 stays 24000/1001 (23.976...), never 23 or 24.
 *
 * @param numerator the numerator, positive
 * @param denominator the denominator, positive
 */
public record Rational(long numerator, long denominator) {

    public Rational {
        if (numerator <= 0 || denominator <= 0) {
            throw new IllegalArgumentException("a frame rate must be positive: " + numerator + "/" + denominator);
        }
        long gcd = BigInteger.valueOf(numerator).gcd(BigInteger.valueOf(denominator)).longValue();
        numerator /= gcd;
        denominator /= gcd;
    }

    /** Parses {@code 25}, {@code 24000/1001} or {@code 29.97} (decimal rates other than NTSC ones are taken as written, in thousandths). */
    public static Rational parse(String text) {
        String t = text.trim();
        try {
            int slash = t.indexOf('/');
            if (slash >= 0) {
                return new Rational(Long.parseLong(t.substring(0, slash).trim()), Long.parseLong(t.substring(slash + 1).trim()));
            }
            if (t.contains(".")) {
                double value = Double.parseDouble(t);
                for (long base : new long[] {24, 30, 48, 60, 120}) {
                    if (Math.abs(value - base * 1000.0 / 1001.0) < 0.005) {
                        return new Rational(base * 1000, 1001);
                    }
                }
                return new Rational(Math.round(value * 1000), 1000);
            }
            return new Rational(Long.parseLong(t), 1);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a frame rate: '" + text + "' (use 25, 24000/1001 or 29.97)");
        }
    }

    public double toDouble() {
        return (double) numerator / denominator;
    }

    /** Seconds from the start of frame 0 to the start of the given frame. */
    public double secondsAt(long frameIndex) {
        return frameIndex * (double) denominator / numerator;
    }

    /** The rate with three decimals, e.g. {@code 23.976}, or a whole number when it is one. */
    public String display() {
        if (denominator == 1) {
            return Long.toString(numerator);
        }
        return String.format(Locale.ROOT, "%.3f", toDouble());
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
