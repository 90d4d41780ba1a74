package dev.nitrate.engine.exemplar;

import dev.nitrate.engine.color.CieLab;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.image.Resampler;
import dev.nitrate.engine.video.MediaException;
import dev.nitrate.engine.video.RgbPixels;
import dev.nitrate.engine.video.StillImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Loads exemplar images of any format and size and fits them to a film's frame. */
public final class Exemplars {

    private Exemplars() {}

    /**
     * Pictures up to this many pixels are kept at full size; larger ones are reduced while loading, by a whole
     * factor that keeps them at least as large as the frame, so that a huge scan never needs full-size Lab planes.
     */
    public static final long FULL_SIZE_PIXELS = 24_000_000L;

    /**
     * Reads an image with FFmpeg (PNG, JPEG, TIFF, DPX, WebP, ... at 8 or 16 bits), falling back to Java's ImageIO;
     * an image over {@link #FULL_SIZE_PIXELS} is reduced to about that many pixels.
     *
     * @throws MediaException naming the file when it is missing, not an image, or too large for the memory Java may use
     */
    public static ExemplarImage load(Path file) throws MediaException {
        return load(file, 0, 0);
    }

    /**
     * Reads an image for a film of the given frame size: one over {@link #FULL_SIZE_PIXELS} is reduced by averaging
     * blocks of a whole number of pixels, but never below the frame size, so that every fit sees as much detail as
     * the frame can show.
     *
     * @param frameWidth the film's frame width, or 0 when unknown
     * @param frameHeight the film's frame height, or 0 when unknown
     * @throws MediaException naming the file when it is missing, not an image, or too large for the memory Java may use
     */
    public static ExemplarImage load(Path file, int frameWidth, int frameHeight) throws MediaException {
        LabImage lab;
        RgbPixels pixels;
        try {
            pixels = LargeImages.reduce(readPixels(file), frameWidth, frameHeight, FULL_SIZE_PIXELS);
            lab = pixels instanceof RgbPixels.Rgb16 sixteen
                    ? CieLab.fromRgb16(sixteen.rgb(), sixteen.width(), sixteen.height())
                    : CieLab.fromRgb8(pixels.toRgb8(), pixels.width(), pixels.height());
        } catch (OutOfMemoryError e) {
            throw new MediaException(file, "too large to load in the memory Java may use (" + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB); scale it down or give Java more memory (-Xmx)");
        }
        if (lab.width() < 2 || lab.height() < 2) {
            throw new MediaException(file, "image is " + lab.width() + "x" + lab.height() + ", too small to be an exemplar");
        }
        return new ExemplarImage(file, lab, meanChroma(lab), pixels);
    }

    private static RgbPixels readPixels(Path file) throws MediaException {
        try {
            return StillImages.read(file);
        } catch (MediaException ffmpegFailed) {
            String problem = ffmpegFailed.problem();
            if (problem.startsWith("no such file") || problem.startsWith("file is empty") || problem.startsWith("is a folder")
                    || problem.contains("too large to load")) {
                throw ffmpegFailed;
            }
            return readWithImageIo(file).orElseThrow(() -> new MediaException(file, "not an image (neither FFmpeg nor Java can read it as one)"));
        }
    }

    private static java.util.Optional<RgbPixels> readWithImageIo(Path file) throws MediaException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(file.toFile())) {
            java.util.Iterator<ImageReader> readers = stream == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                return java.util.Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream);
                StillImages.checkFitsInMemory(file, reader.getWidth(0), reader.getHeight(0), 7);
                BufferedImage image = reader.read(0);
                int width = image.getWidth();
                int height = image.getHeight();
                byte[] rgb = new byte[width * height * 3];
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        int argb = image.getRGB(x, y);
                        int i = (y * width + x) * 3;
                        rgb[i] = (byte) (argb >> 16);
                        rgb[i + 1] = (byte) (argb >> 8);
                        rgb[i + 2] = (byte) argb;
                    }
                }
                return java.util.Optional.of(new RgbPixels.Rgb8(width, height, rgb));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    static double meanChroma(LabImage lab) {
        float[] a = lab.a().values();
        float[] b = lab.b().values();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.sqrt(a[i] * a[i] + b[i] * b[i]);
        }
        return sum / a.length;
    }

    /**
     * Fits the exemplar to a frame of the given size. {@code STRETCH} resizes as ColorMNet's release does: bilinearly
     * in RGB (half-pixel centres), then to Lab ({@link RgbStretch}); crop and pad resample in Lab, averaging each
     * target pixel's footprint.
     */
    public static LabImage fit(ExemplarImage exemplar, int width, int height, ExemplarFit fit) {
        LabImage lab = exemplar.lab();
        int sourceWidth = lab.width();
        int sourceHeight = lab.height();
        return switch (fit) {
            case STRETCH -> exemplar.pixels() != null
                    ? RgbStretch.toLab(exemplar.pixels(), width, height)
                    : resample(lab, 0, 0, sourceWidth, sourceHeight, width, height, 0, 0, width, height);
            case CROP -> {
                double scale = Math.max(width / (double) sourceWidth, height / (double) sourceHeight);
                double cropWidth = width / scale;
                double cropHeight = height / scale;
                yield resample(lab, (sourceWidth - cropWidth) / 2, (sourceHeight - cropHeight) / 2, cropWidth, cropHeight,
                        width, height, 0, 0, width, height);
            }
            case PAD -> {
                double scale = Math.min(width / (double) sourceWidth, height / (double) sourceHeight);
                int innerWidth = Math.max(1, (int) Math.round(sourceWidth * scale));
                int innerHeight = Math.max(1, (int) Math.round(sourceHeight * scale));
                int left = (width - innerWidth) / 2;
                int top = (height - innerHeight) / 2;
                yield resample(lab, 0, 0, sourceWidth, sourceHeight, width, height, left, top, innerWidth, innerHeight);
            }
        };
    }

    /** Each Lab plane's window resampled by {@link Resampler#areaAverageWindow}; neutral grey (L 50, a = b = 0) outside it. */
    private static LabImage resample(LabImage source, double sx, double sy, double sw, double sh,
            int width, int height, int left, int top, int innerWidth, int innerHeight) {
        return new LabImage(
                Resampler.areaAverageWindow(source.lightness(), sx, sy, sw, sh, width, height, left, top, innerWidth, innerHeight, 50f),
                Resampler.areaAverageWindow(source.a(), sx, sy, sw, sh, width, height, left, top, innerWidth, innerHeight, 0f),
                Resampler.areaAverageWindow(source.b(), sx, sy, sw, sh, width, height, left, top, innerWidth, innerHeight, 0f));
    }
}
