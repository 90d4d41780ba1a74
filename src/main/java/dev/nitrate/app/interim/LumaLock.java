package dev.nitrate.app.interim;

import dev.nitrate.app.media.RgbFrame;
import dev.nitrate.engine.color.CieLab;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;

/** Brings a colorized frame made at processing size up to the film's size. */
public final class LumaLock {

    private LumaLock() {}

    /** The source's own lightness at full size with the colorized chroma scaled up bilinearly. */
    public static RgbFrame combine(RgbFrame fullSource, RgbFrame colorized) {
        int w = fullSource.width();
        int h = fullSource.height();
        FloatPlane lightness = CieLab.lightnessOfRgb8(fullSource.rgb(), w, h);
        LabImage small = CieLab.fromRgb8(colorized.rgb(), colorized.width(), colorized.height());
        LabImage full = new LabImage(lightness, scale(small.a(), w, h), scale(small.b(), w, h));
        return new RgbFrame(fullSource.index(), w, h, CieLab.toRgb8(full));
    }

    /** The colorized frame scaled up bilinearly, lightness included. */
    public static RgbFrame scaleUp(RgbFrame colorized, int width, int height) {
        if (colorized.width() == width && colorized.height() == height) {
            return colorized;
        }
        LabImage small = CieLab.fromRgb8(colorized.rgb(), colorized.width(), colorized.height());
        LabImage full = new LabImage(scale(small.lightness(), width, height), scale(small.a(), width, height),
                scale(small.b(), width, height));
        return new RgbFrame(colorized.index(), width, height, CieLab.toRgb8(full));
    }

    static FloatPlane scale(FloatPlane plane, int width, int height) {
        if (plane.width() == width && plane.height() == height) {
            return plane;
        }
        float[] out = new float[width * height];
        double sx = (double) plane.width() / width;
        double sy = (double) plane.height() / height;
        for (int y = 0; y < height; y++) {
            double fy = Math.max(0, (y + 0.5) * sy - 0.5);
            int y0 = Math.min(plane.height() - 1, (int) fy);
            int y1 = Math.min(plane.height() - 1, y0 + 1);
            double ty = fy - y0;
            for (int x = 0; x < width; x++) {
                double fx = Math.max(0, (x + 0.5) * sx - 0.5);
                int x0 = Math.min(plane.width() - 1, (int) fx);
                int x1 = Math.min(plane.width() - 1, x0 + 1);
                double tx = fx - x0;
                double top = plane.get(x0, y0) * (1 - tx) + plane.get(x1, y0) * tx;
                double bottom = plane.get(x0, y1) * (1 - tx) + plane.get(x1, y1) * tx;
                out[y * width + x] = (float) (top * (1 - ty) + bottom * ty);
            }
        }
        return new FloatPlane(width, height, out);
    }
}
