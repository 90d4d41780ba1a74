package dev.nitrate.engine.pipeline;

import dev.nitrate.engine.color.CieLab;
import dev.nitrate.engine.color.LumaMatch;
import dev.nitrate.engine.colorize.ColorizeException;
import dev.nitrate.engine.colorize.ColorizedFrame;
import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.image.ChromaPlanes;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.video.RgbPixels;
import java.util.Objects;
import java.util.Optional;

/**
 * The per-frame step that render, preview, bench and evaluate share: a frame's CIE L goes to the
 * colorizer, the predicted a and b are composed with that L into Lab, and the Lab frame becomes RGB
 * with the luma of the frame it was made from ({@link LumaMatch}).
 *
 * <p>The pipeline does not own the colorizer: the caller opens it, starts its sequences
 * ({@link FrameColorizer#beginSequence}) and closes it.
 */
public final class FramePipeline {

    /** The timed parts of one step. */
    public enum Stage {
        /** RGB to CIE L (only when the pipeline computes the lightness itself). */
        TO_LAB,
        /** The colorizer's prediction of a and b. */
        COLORIZE,
        /** Lab to luma-matched RGB. */
        TO_RGB
    }

    /** Hears how long each stage of a step took. */
    @FunctionalInterface
    public interface StageClock {
        /** No timing. */
        StageClock NONE = (stage, nanos) -> { };

        /** Called once per stage of each step, in order. */
        void took(Stage stage, long nanos);
    }

    private final FrameColorizer colorizer;
    private final StageClock clock;
    private Optional<FloatPlane> lastConfidence = Optional.empty();

    /** A pipeline through {@code colorizer}, untimed. */
    public FramePipeline(FrameColorizer colorizer) {
        this(colorizer, StageClock.NONE);
    }

    /** A pipeline through {@code colorizer} that tells {@code clock} each stage's time. */
    public FramePipeline(FrameColorizer colorizer, StageClock clock) {
        this.colorizer = Objects.requireNonNull(colorizer);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Colorizes an 8-bit frame: its CIE L ({@link CieLab#lightnessOfRgb8}) is colorized and the result
     * keeps the frame's own luma.
     *
     * @param rgb interleaved 8-bit RGB, {@code width x height}
     * @return interleaved 8-bit RGB of the same size
     */
    public byte[] colorizeRgb8(byte[] rgb, int width, int height) throws ColorizeException {
        long start = System.nanoTime();
        FloatPlane lightness = CieLab.lightnessOfRgb8(rgb, width, height);
        clock.took(Stage.TO_LAB, System.nanoTime() - start);
        return colorizeRgb8(lightness, rgb);
    }

    /**
     * Colorizes a frame whose lightness is already known.
     *
     * @param lightness the CIE L the colorizer sees
     * @param lumaSource the frame whose luma the result keeps, interleaved 8-bit RGB of the same size
     */
    public byte[] colorizeRgb8(FloatPlane lightness, byte[] lumaSource) throws ColorizeException {
        LabImage lab = predict(lightness);
        long start = System.nanoTime();
        byte[] rgb = LumaMatch.toRgb8(lab, lumaSource);
        clock.took(Stage.TO_RGB, System.nanoTime() - start);
        return rgb;
    }

    /**
     * Colorizes a decoded frame at 8 or 16 bits.
     *
     * @param lightness the CIE L the colorizer sees
     * @param lumaSource the frame whose luma the result keeps, same size
     * @param sixteenBit whether the result is 16-bit RGB (else 8-bit)
     */
    public RgbPixels colorize(FloatPlane lightness, RgbPixels lumaSource, boolean sixteenBit) throws ColorizeException {
        LabImage lab = predict(lightness);
        long start = System.nanoTime();
        RgbPixels result = sixteenBit
                ? new RgbPixels.Rgb16(lab.width(), lab.height(), LumaMatch.toRgb16(lab, lumaSource.toRgb16()))
                : new RgbPixels.Rgb8(lab.width(), lab.height(), LumaMatch.toRgb8(lab, lumaSource.toRgb8()));
        clock.took(Stage.TO_RGB, System.nanoTime() - start);
        return result;
    }

    /**
     * The colorizer's per-pixel confidence in [0, 1] for the frame of the last step, or empty when the
     * colorizer does not estimate one ({@link FrameColorizer#colorizeFrame}).
     */
    public Optional<FloatPlane> lastConfidence() {
        return lastConfidence;
    }

    private LabImage predict(FloatPlane lightness) throws ColorizeException {
        long start = System.nanoTime();
        ColorizedFrame frame = colorizer.colorizeFrame(lightness);
        ChromaPlanes chroma = frame.chroma();
        lastConfidence = frame.confidence();
        clock.took(Stage.COLORIZE, System.nanoTime() - start);
        if (chroma.width() != lightness.width() || chroma.height() != lightness.height()) {
            throw new ColorizeException("the colorizer returned " + chroma.width() + "x" + chroma.height()
                    + " chroma for a " + lightness.width() + "x" + lightness.height() + " frame");
        }
        return chroma.withLightness(lightness);
    }
}
