package dev.nitrate.engine.confidence;

import dev.nitrate.engine.color.CieLab;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.util.Arrays;

/**
 * Whether confidence predicts error, over a clip: the Spearman correlation between per-pixel confidence and
 * per-pixel chroma error (|Δab| of the result against the ground truth, CIE Lab), and between the per-frame score
 * ({@link FrameConfidence#score()}) and the frame's PSNR. Pixels are sampled on a fixed grid (every
 * {@code stride}-th pixel in x and in y, from (stride / 2, stride / 2)), the same on every frame.
 */
public final class ConfidenceCorrelation {

    /** The default grid step: 1 pixel in 256 (about 1200 per 640x480 frame). */
    public static final int DEFAULT_STRIDE = 16;

    private final int stride;
    private double[] pixelConfidence = new double[4096];
    private double[] pixelError = new double[4096];
    private int pixels;
    private double[] frameScores = new double[64];
    private double[] framePsnr = new double[64];
    private int frames;

    public ConfidenceCorrelation(int stride) {
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be >= 1, got " + stride);
        }
        this.stride = stride;
    }

    /**
     * Adds one frame.
     *
     * @param confidence the colorizer's per-pixel confidence for the frame
     * @param truth the original frame in Lab
     * @param result the colorized frame as scored
     * @param psnr the result's PSNR against the original
     */
    public void add(FloatPlane confidence, LabImage truth, Rgb8 result, double psnr) {
        int width = result.width();
        int height = result.height();
        if (confidence.width() != width || confidence.height() != height || truth.width() != width || truth.height() != height) {
            throw new IllegalArgumentException("confidence, original and result differ in size");
        }
        byte[] rgb = result.rgb();
        float[] lab = new float[3];
        for (int y = stride / 2; y < height; y += stride) {
            for (int x = stride / 2; x < width; x += stride) {
                int i = y * width + x;
                CieLab.linearRgbToLab(CieLab.srgbToLinear(rgb[3 * i] & 0xFF), CieLab.srgbToLinear(rgb[3 * i + 1] & 0xFF),
                        CieLab.srgbToLinear(rgb[3 * i + 2] & 0xFF), lab);
                double da = lab[1] - truth.a().values()[i];
                double db = lab[2] - truth.b().values()[i];
                addPixel(confidence.values()[i], Math.sqrt(da * da + db * db));
            }
        }
        if (frames == frameScores.length) {
            frameScores = Arrays.copyOf(frameScores, frames * 2);
            framePsnr = Arrays.copyOf(framePsnr, frames * 2);
        }
        frameScores[frames] = FrameConfidence.of(confidence).score();
        framePsnr[frames] = psnr;
        frames++;
    }

    private void addPixel(double confidence, double error) {
        if (pixels == pixelConfidence.length) {
            pixelConfidence = Arrays.copyOf(pixelConfidence, pixels * 2);
            pixelError = Arrays.copyOf(pixelError, pixels * 2);
        }
        pixelConfidence[pixels] = confidence;
        pixelError[pixels] = error;
        pixels++;
    }

    /** The correlations over the frames added so far. */
    public Correlations result() {
        double pixelRho = Spearman.correlation(Arrays.copyOf(pixelConfidence, pixels), Arrays.copyOf(pixelError, pixels));
        double frameRho = Spearman.correlation(Arrays.copyOf(frameScores, frames), Arrays.copyOf(framePsnr, frames));
        return new Correlations(frames, pixels, pixelRho, frameRho);
    }

    /**
     * The correlations of a clip.
     *
     * @param frames frames measured
     * @param pixels pixels sampled
     * @param pixelConfidenceVsError Spearman between per-pixel confidence and |Δab| (negative when confidence predicts error)
     * @param frameScoreVsPsnr Spearman between the per-frame score and PSNR (positive when the score predicts quality)
     */
    public record Correlations(int frames, long pixels, double pixelConfidenceVsError, double frameScoreVsPsnr) {}
}
