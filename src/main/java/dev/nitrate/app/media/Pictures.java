package dev.nitrate.app.media;

import dev.nitrate.engine.image.Resampler;
import dev.nitrate.engine.video.DisplaySize;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.MediaException;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import dev.nitrate.engine.video.RgbPixels;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Conversions between the engine's decoded pictures and what JavaFX shows. */
public final class Pictures {

    private Pictures() {}

    public static Image toImage(RgbPixels frame) {
        WritableImage image = new WritableImage(frame.width(), frame.height());
        image.getPixelWriter().setPixels(0, 0, frame.width(), frame.height(), PixelFormat.getByteRgbInstance(),
                frame.toRgb8(), 0, frame.width() * 3);
        return image;
    }

    /**
     * Decodes a frame for display, area-averaged down to fit inside {@code maxWidth x maxHeight} keeping the aspect
     * ratio; a zero box keeps the film's size.
     */
    public static Rgb8 frame(FilmReader reader, int index, int maxWidth, int maxHeight) throws FilmException {
        Rgb8 full;
        try {
            var decoded = reader.read(index);
            full = new Rgb8(decoded.width(), decoded.height(), decoded.pixels().toRgb8());
        } catch (MediaException e) {
            throw new FilmException(e.getMessage(), e);
        }
        int[] size = fitInside(full.width(), full.height(), maxWidth, maxHeight);
        return resize(full, size[0], size[1]);
    }

    /**
     * Decodes a frame for the viewer ({@link FilmReader#readForDisplay}): converted and scaled down to fit inside
     * {@code maxWidth x maxHeight} in one pass; empty when {@code stop} ended the decoding first.
     */
    public static Optional<Rgb8> display(FilmReader reader, int index, int maxWidth, int maxHeight, BooleanSupplier stop) throws FilmException {
        try {
            return reader.readForDisplay(index, maxWidth, maxHeight, stop);
        } catch (MediaException e) {
            throw new FilmException(e.getMessage(), e);
        }
    }

    /** Area-averaging resize to an exact size ({@link Resampler#areaAverageRgb8}), for display. */
    public static Rgb8 resize(Rgb8 source, int width, int height) {
        if (source.width() == width && source.height() == height) {
            return source;
        }
        return new Rgb8(width, height, Resampler.areaAverageRgb8(source.rgb(), source.width(), source.height(), width, height));
    }

    /** Reads a picture file as RGB; the error names the file when it is not a picture. */
    public static Rgb8 read(Path file) throws FilmException {
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
        return fromBufferedImage(image);
    }

    public static Rgb8 fromBufferedImage(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0; i < argb.length; i++) {
            rgb[3 * i] = (byte) (argb[i] >> 16);
            rgb[3 * i + 1] = (byte) (argb[i] >> 8);
            rgb[3 * i + 2] = (byte) argb[i];
        }
        return new Rgb8(w, h, rgb);
    }

    public static BufferedImage toBufferedImage(Rgb8 frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        int[] argb = new int[frame.width() * frame.height()];
        byte[] rgb = frame.rgb();
        for (int i = 0; i < argb.length; i++) {
            argb[i] = (rgb[3 * i] & 255) << 16 | (rgb[3 * i + 1] & 255) << 8 | rgb[3 * i + 2] & 255;
        }
        image.setRGB(0, 0, frame.width(), frame.height(), argb, 0, frame.width());
        return image;
    }

    /** The size that fits inside a box keeping the aspect ratio; a zero box means the source size. */
    public static int[] fitInside(int width, int height, int maxWidth, int maxHeight) {
        DisplaySize size = DisplaySize.fitting(width, height, maxWidth, maxHeight);
        return new int[] {size.width(), size.height()};
    }
}
