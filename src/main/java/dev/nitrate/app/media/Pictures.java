package dev.nitrate.app.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Conversions between decoded pictures and what JavaFX shows. */
public final class Pictures {

    private Pictures() {}

    public static Image toImage(RgbFrame frame) {
        WritableImage image = new WritableImage(frame.width(), frame.height());
        image.getPixelWriter().setPixels(0, 0, frame.width(), frame.height(), PixelFormat.getByteRgbInstance(),
                frame.rgb(), 0, frame.width() * 3);
        return image;
    }

    /** Reads a picture file as RGB; the error names the file when it is not a picture. */
    public static RgbFrame read(Path file) throws FilmException {
        BufferedImage image;
        try {
            if (!Files.isRegularFile(file)) {
                throw new FilmException(file + ": no such file");
            }
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new FilmException(file + ": cannot read the picture (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new FilmException(file + ": not a picture Nitrate can read (use PNG, JPEG, BMP, GIF or TIFF)");
        }
        return fromBufferedImage(image, -1);
    }

    public static RgbFrame fromBufferedImage(BufferedImage image, int index) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0; i < argb.length; i++) {
            rgb[3 * i] = (byte) (argb[i] >> 16);
            rgb[3 * i + 1] = (byte) (argb[i] >> 8);
            rgb[3 * i + 2] = (byte) argb[i];
        }
        return new RgbFrame(index, w, h, rgb);
    }

    public static BufferedImage toBufferedImage(RgbFrame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        int[] argb = new int[frame.width() * frame.height()];
        byte[] rgb = frame.rgb();
        for (int i = 0; i < argb.length; i++) {
            argb[i] = (rgb[3 * i] & 255) << 16 | (rgb[3 * i + 1] & 255) << 8 | rgb[3 * i + 2] & 255;
        }
        image.setRGB(0, 0, frame.width(), frame.height(), argb, 0, frame.width());
        return image;
    }

    /** Area-averaging downscale (or nearest upscale) to an exact size. */
    public static RgbFrame resize(RgbFrame source, int width, int height) {
        if (source.width() == width && source.height() == height) {
            return source;
        }
        byte[] out = new byte[width * height * 3];
        byte[] in = source.rgb();
        int sw = source.width();
        int sh = source.height();
        for (int y = 0; y < height; y++) {
            int y0 = y * sh / height;
            int y1 = Math.max(y0 + 1, (y + 1) * sh / height);
            for (int x = 0; x < width; x++) {
                int x0 = x * sw / width;
                int x1 = Math.max(x0 + 1, (x + 1) * sw / width);
                int r = 0, g = 0, b = 0, n = 0;
                for (int yy = y0; yy < y1; yy++) {
                    int row = yy * sw;
                    for (int xx = x0; xx < x1; xx++) {
                        int p = 3 * (row + xx);
                        r += in[p] & 255;
                        g += in[p + 1] & 255;
                        b += in[p + 2] & 255;
                        n++;
                    }
                }
                int q = 3 * (y * width + x);
                out[q] = (byte) (r / n);
                out[q + 1] = (byte) (g / n);
                out[q + 2] = (byte) (b / n);
            }
        }
        return new RgbFrame(source.index(), width, height, out);
    }

    /** The size that fits inside a box keeping the aspect ratio; a zero box means the source size. */
    public static int[] fitInside(int width, int height, int maxWidth, int maxHeight) {
        if (maxWidth <= 0 || maxHeight <= 0 || width <= maxWidth && height <= maxHeight) {
            return new int[] {width, height};
        }
        double scale = Math.min((double) maxWidth / width, (double) maxHeight / height);
        return new int[] {Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale))};
    }
}
