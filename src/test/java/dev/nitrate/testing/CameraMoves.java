package dev.nitrate.testing;

import dev.nitrate.engine.video.RgbPixels;

/** Frames of one continuous take generated from a still picture: a whip pan with motion blur, a flash, an exposure ramp. */
public final class CameraMoves {

    private CameraMoves() {}

    /**
     * A take that holds, whips across a panorama made of {@code picture}, its mirror image and
     * {@code picture} again, and holds at the other end. Each frame averages the view over the
     * exposure (a 360-degree shutter), so the fast frames are smeared as a real camera smears them.
     */
    public static RgbPixels.Rgb8 whipPan(RgbPixels picture, int index, int frames, int width, int height) {
        byte[] panorama = panorama(picture);
        int panoramaWidth = picture.width() * 3;
        int top = Math.max(0, (picture.height() - height) / 2);
        double travel = panoramaWidth - width - 1;
        double start = position(index - 0.5, frames) * travel;
        double end = position(index + 0.5, frames) * travel;
        int samples = Math.max(1, (int) Math.ceil(Math.abs(end - start) / 2));
        int[] sums = new int[width * height * 3];
        for (int s = 0; s < samples; s++) {
            int offset = (int) Math.round(start + (end - start) * (s + 0.5) / samples);
            for (int y = 0; y < height; y++) {
                int row = ((top + y) * panoramaWidth + offset) * 3;
                for (int i = 0; i < width * 3; i++) {
                    sums[y * width * 3 + i] += panorama[row + i] & 0xFF;
                }
            }
        }
        byte[] out = new byte[sums.length];
        for (int i = 0; i < sums.length; i++) {
            out[i] = (byte) Math.round((float) sums[i] / samples);
        }
        return new RgbPixels.Rgb8(width, height, out);
    }

    /** Where the whip pan is at time {@code t}: held for the first and last third, a smooth fast move between. */
    private static double position(double t, int frames) {
        double u = (t - frames / 3.0) / (frames / 3.0);
        if (u <= 0) {
            return 0;
        }
        if (u >= 1) {
            return 1;
        }
        return 0.5 - 0.5 * Math.cos(Math.PI * u);
    }

    private static byte[] panorama(RgbPixels picture) {
        byte[] rgb = picture.toRgb8();
        int w = picture.width();
        int h = picture.height();
        byte[] out = new byte[w * 3 * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    byte v = rgb[(y * w + x) * 3 + c];
                    out[(y * w * 3 + x) * 3 + c] = v;
                    out[(y * w * 3 + 2 * w - 1 - x) * 3 + c] = v;
                    out[(y * w * 3 + 2 * w + x) * 3 + c] = v;
                }
            }
        }
        return out;
    }

    /** {@code frame} with every value multiplied by {@code gain} and clipped: an exposure change, or a flash when large. */
    public static RgbPixels.Rgb8 exposed(RgbPixels frame, double gain) {
        byte[] rgb = frame.toRgb8();
        byte[] out = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = (byte) Math.min(255, (int) Math.round((rgb[i] & 0xFF) * gain));
        }
        return new RgbPixels.Rgb8(frame.width(), frame.height(), out);
    }
}
