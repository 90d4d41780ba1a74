package dev.nitrate.engine.exemplar;

import dev.nitrate.engine.color.CieLab;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
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

    /**
     * Resamples the source window {@code (sx, sy, sw, sh)} into the target rectangle {@code (left, top, innerWidth,
     * innerHeight)} of a {@code width x height} image; outside that rectangle the image is neutral grey. Each target
     * pixel averages a grid of bilinear samples that covers its footprint, so downscaling does not alias.
     */
    private static LabImage resample(LabImage source, double sx, double sy, double sw, double sh,
            int width, int height, int left, int top, int innerWidth, int innerHeight) {
        float[][] planes = {source.lightness().values(), source.a().values(), source.b().values()};
        float[][] out = {new float[width * height], new float[width * height], new float[width * height]};
        java.util.Arrays.fill(out[0], 50f);
        double stepX = sw / innerWidth;
        double stepY = sh / innerHeight;
        int samplesX = Math.max(1, (int) Math.ceil(stepX));
        int samplesY = Math.max(1, (int) Math.ceil(stepY));
        int sourceWidth = source.width();
        int sourceHeight = source.height();
        for (int ty = 0; ty < innerHeight; ty++) {
            for (int tx = 0; tx < innerWidth; tx++) {
                double[] sum = new double[3];
                for (int j = 0; j < samplesY; j++) {
                    double y = sy + (ty + (j + 0.5) / samplesY) * stepY - 0.5;
                    for (int i = 0; i < samplesX; i++) {
                        double x = sx + (tx + (i + 0.5) / samplesX) * stepX - 0.5;
                        double cx = Math.max(0, Math.min(sourceWidth - 1, x));
                        double cy = Math.max(0, Math.min(sourceHeight - 1, y));
                        int x0 = (int) cx;
                        int y0 = (int) cy;
                        int x1 = Math.min(sourceWidth - 1, x0 + 1);
                        int y1 = Math.min(sourceHeight - 1, y0 + 1);
                        double fx = cx - x0;
                        double fy = cy - y0;
                        for (int c = 0; c < 3; c++) {
                            float[] p = planes[c];
                            double top0 = p[y0 * sourceWidth + x0] * (1 - fx) + p[y0 * sourceWidth + x1] * fx;
                            double bottom = p[y1 * sourceWidth + x0] * (1 - fx) + p[y1 * sourceWidth + x1] * fx;
                            sum[c] += top0 * (1 - fy) + bottom * fy;
                        }
                    }
                }
                int index = (top + ty) * width + left + tx;
                for (int c = 0; c < 3; c++) {
                    out[c][index] = (float) (sum[c] / (samplesX * samplesY));
                }
            }
        }
        return new LabImage(new FloatPlane(width, height, out[0]), new FloatPlane(width, height, out[1]), new FloatPlane(width, height, out[2]));
    }
}
