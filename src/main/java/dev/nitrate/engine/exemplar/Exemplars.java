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

/** Loads exemplar images of any format and size and fits them to a film's frame. */
public final class Exemplars {

    private Exemplars() {}

    /**
     * Reads an image with FFmpeg (PNG, JPEG, TIFF, DPX, WebP, ... at 8 or 16 bits), falling back to Java's ImageIO.
     *
     * @throws MediaException naming the file when it is missing or not an image
     */
    public static ExemplarImage load(Path file) throws MediaException {
        LabImage lab;
        try {
            RgbPixels pixels = StillImages.read(file);
            lab = pixels instanceof RgbPixels.Rgb16 sixteen
                    ? CieLab.fromRgb16(sixteen.rgb(), sixteen.width(), sixteen.height())
                    : CieLab.fromRgb8(pixels.toRgb8(), pixels.width(), pixels.height());
        } catch (MediaException ffmpegFailed) {
            if (ffmpegFailed.problem().startsWith("no such file") || ffmpegFailed.problem().startsWith("file is empty")
                    || ffmpegFailed.problem().startsWith("is a folder")) {
                throw ffmpegFailed;
            }
            lab = readWithImageIo(file).orElseThrow(() -> new MediaException(file, "not an image (neither FFmpeg nor Java can read it as one)"));
        }
        if (lab.width() < 2 || lab.height() < 2) {
            throw new MediaException(file, "image is " + lab.width() + "x" + lab.height() + ", too small to be an exemplar");
        }
        return new ExemplarImage(file, lab, meanChroma(lab));
    }

    private static java.util.Optional<LabImage> readWithImageIo(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                return java.util.Optional.empty();
            }
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
            return java.util.Optional.of(CieLab.fromRgb8(rgb, width, height));
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

    /** Fits the exemplar to a frame of the given size. */
    public static LabImage fit(ExemplarImage exemplar, int width, int height, ExemplarFit fit) {
        LabImage lab = exemplar.lab();
        int sourceWidth = lab.width();
        int sourceHeight = lab.height();
        return switch (fit) {
            case STRETCH -> resample(lab, 0, 0, sourceWidth, sourceHeight, width, height, 0, 0, width, height);
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
