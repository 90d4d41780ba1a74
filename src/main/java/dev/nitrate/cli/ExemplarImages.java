package dev.nitrate.cli;

import dev.nitrate.engine.color.CieLab;
import dev.nitrate.engine.image.LabImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Loads a colour exemplar image and fits it to the frame size (bilinear, aspect ratio ignored, as ColorMNet does). */
final class ExemplarImages {

    private ExemplarImages() {}

    static LabImage load(Path file, int width, int height) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file + ": not an image this build can read (PNG, JPEG, BMP, GIF)");
        }
        int sw = image.getWidth();
        int sh = image.getHeight();
        int[] argb = image.getRGB(0, 0, sw, sh, null, 0, sw);
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0, j = 0; y < height; y++) {
            double sy = Math.min(Math.max((y + 0.5) * sh / height - 0.5, 0), sh - 1);
            int y0 = (int) sy;
            int y1 = Math.min(y0 + 1, sh - 1);
            double fy = sy - y0;
            for (int x = 0; x < width; x++) {
                double sx = Math.min(Math.max((x + 0.5) * sw / width - 0.5, 0), sw - 1);
                int x0 = (int) sx;
                int x1 = Math.min(x0 + 1, sw - 1);
                double fx = sx - x0;
                for (int shift = 16; shift >= 0; shift -= 8, j++) {
                    double top = channel(argb[y0 * sw + x0], shift) * (1 - fx) + channel(argb[y0 * sw + x1], shift) * fx;
                    double bottom = channel(argb[y1 * sw + x0], shift) * (1 - fx) + channel(argb[y1 * sw + x1], shift) * fx;
                    rgb[j] = (byte) Math.round(top * (1 - fy) + bottom * fy);
                }
            }
        }
        return CieLab.fromRgb8(rgb, width, height);
    }

    private static int channel(int argb, int shift) {
        return (argb >> shift) & 0xFF;
    }
}
