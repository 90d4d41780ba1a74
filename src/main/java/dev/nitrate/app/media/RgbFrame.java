package dev.nitrate.app.media;

/** A decoded picture as packed 8-bit RGB, row-major. The array is owned by the frame; do not change it. */
public record RgbFrame(int index, int width, int height, byte[] rgb) {

    public RgbFrame {
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException("RGB frame of " + width + "x" + height + " needs " + width * height * 3 + " bytes");
        }
    }
}
