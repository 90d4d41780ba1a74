package dev.nitrate.engine.video;

import dev.nitrate.engine.color.CieLab;
import dev.nitrate.engine.image.FloatPlane;
import java.util.Objects;

/** Interleaved RGB pixels of one frame, 8 or 16 bits per component. Arrays are handed over, not copied. */
public sealed interface RgbPixels permits RgbPixels.Rgb8, RgbPixels.Rgb16 {

    int width();

    int height();

    /** The number of pixels, {@code width * height}. */
    default int pixelCount() {
        return width() * height();
    }

    /** Throws when {@code other} has a different size, naming both sizes. */
    default void requireSameSize(RgbPixels other) {
        if (other.width() != width() || other.height() != height()) {
            throw new IllegalArgumentException(
                    "frames differ in size: " + width() + "x" + height() + " and " + other.width() + "x" + other.height());
        }
    }

    /** Bits per component: 8 or 16. */
    int bits();

    /** CIE L of every pixel (the grayscale the model sees). */
    FloatPlane lightness();

    /** The pixels as 8-bit RGB (rounded from 16 bits where needed), for display and 8-bit outputs. */
    byte[] toRgb8();

    /** The pixels as 16-bit RGB (8-bit values scaled by 257). */
    short[] toRgb16();

    /** 8-bit RGB, {@code r, g, b} per pixel. */
    record Rgb8(int width, int height, byte[] rgb) implements RgbPixels {
        public Rgb8 {
            Objects.requireNonNull(rgb, "rgb");
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("frame size must be positive: " + width + "x" + height);
            }
            if (rgb.length != width * height * 3) {
                throw new IllegalArgumentException("RGB buffer does not hold " + width + "x" + height + " pixels");
            }
        }

        @Override
        public int bits() {
            return 8;
        }

        @Override
        public FloatPlane lightness() {
            return CieLab.lightnessOfRgb8(rgb, width, height);
        }

        @Override
        public byte[] toRgb8() {
            return rgb;
        }

        @Override
        public short[] toRgb16() {
            short[] out = new short[rgb.length];
            for (int i = 0; i < rgb.length; i++) {
                out[i] = (short) ((rgb[i] & 0xFF) * 257);
            }
            return out;
        }
    }

    /** 16-bit RGB, {@code r, g, b} per pixel as unsigned shorts. */
    record Rgb16(int width, int height, short[] rgb) implements RgbPixels {
        public Rgb16 {
            Objects.requireNonNull(rgb, "rgb");
            if (rgb.length != width * height * 3) {
                throw new IllegalArgumentException("RGB buffer does not hold " + width + "x" + height + " pixels");
            }
        }

        @Override
        public int bits() {
            return 16;
        }

        @Override
        public FloatPlane lightness() {
            return CieLab.lightnessOfRgb16(rgb, width, height);
        }

        @Override
        public byte[] toRgb8() {
            byte[] out = new byte[rgb.length];
            for (int i = 0; i < rgb.length; i++) {
                out[i] = (byte) (((rgb[i] & 0xFFFF) * 255 + 32767) / 65535);
            }
            return out;
        }

        @Override
        public short[] toRgb16() {
            return rgb;
        }
    }
}
