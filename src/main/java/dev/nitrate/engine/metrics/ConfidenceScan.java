package dev.nitrate.engine.metrics;

import dev.nitrate.engine.color.CieLab;
import dev.nitrate.engine.colorize.ColorizeException;
import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.confidence.ConfidenceCorrelation;
import dev.nitrate.engine.confidence.FrameConfidence;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.pipeline.FramePipeline;
import dev.nitrate.engine.shots.CutDetector;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Runs a colorizer over a film, one sequence from its first frame, and keeps each frame's score
 * ({@link FrameConfidence}) and the shots (hard cuts, {@link CutDetector}); on a colour clip under the evaluation
 * protocol also each frame's PSNR and the {@link ConfidenceCorrelation}. Nothing is written.
 */
public final class ConfidenceScan {

    private final FrameColorizer colorizer;
    private final IntConsumer progress;

    /** A scan through {@code colorizer}, which the caller owns; {@code progress} hears the frames done. */
    public ConfidenceScan(FrameColorizer colorizer, IntConsumer progress) {
        this.colorizer = colorizer;
        this.progress = progress;
    }

    /**
     * Scans a film to colorize with the given exemplars (fitted to its frame size), which colour it from its
     * first frame on.
     *
     * @param maxFrames the most frames to scan; 0 for all
     */
    public Result film(RgbFrameSource film, List<LabImage> exemplars, int maxFrames) throws IOException, ColorizeException {
        colorizer.beginSequence(exemplars, false);
        return run(film, maxFrames, Optional.empty(), List.of(), Set.of());
    }

    /**
     * Scans a colour clip under the evaluation protocol (docs/decisions/0401): the colorizer sees each frame's
     * rounded BT.601 luma, its exemplars are colour frame 0 ({@code firstFrameIsExemplar}) and then
     * {@code moreExemplars}; the exemplars' own frames ({@code exemplarFrames}) are left out of the correlations.
     */
    public Result protocol(RgbFrameSource clip, List<LabImage> moreExemplars, Set<Integer> exemplarFrames, int maxFrames,
            int stride) throws IOException, ColorizeException {
        return run(clip, maxFrames, Optional.of(new ConfidenceCorrelation(stride)), moreExemplars, exemplarFrames);
    }

    private Result run(RgbFrameSource source, int maxFrames, Optional<ConfidenceCorrelation> truth, List<LabImage> moreExemplars,
            Set<Integer> exemplarFrames) throws IOException, ColorizeException {
        FramePipeline pipeline = new FramePipeline(colorizer);
        CutDetector cuts = new CutDetector();
        List<Long> cutFrames = new ArrayList<>();
        double[] scores = new double[64];
        double[] psnr = new double[64];
        int frame = 0;
        Optional<Rgb8> next;
        while ((maxFrames <= 0 || frame < maxFrames) && (next = source.next()).isPresent()) {
            Rgb8 original = next.get();
            cutFrames.addAll(cuts.feed(original));
            LabImage lab = null;
            byte[] result;
            if (truth.isPresent()) {
                lab = CieLab.fromRgb8(original.rgb(), original.width(), original.height());
                if (frame == 0) {
                    List<LabImage> exemplars = new ArrayList<>();
                    exemplars.add(lab);
                    exemplars.addAll(moreExemplars);
                    colorizer.beginSequence(exemplars, true);
                }
                result = pipeline.colorizeRgb8(ProtocolEvaluation.grayscaleFilmFrame(original.rgb()), original.width(), original.height());
            } else {
                result = pipeline.colorizeRgb8(original.rgb(), original.width(), original.height());
            }
            FloatPlane confidence = pipeline.lastConfidence().orElseThrow(
                    () -> new ColorizeException("this model pack gives no confidence map (docs/confidence.md)"));
            if (frame == scores.length) {
                scores = Arrays.copyOf(scores, frame * 2);
                psnr = Arrays.copyOf(psnr, frame * 2);
            }
            scores[frame] = FrameConfidence.of(confidence).score();
            if (truth.isPresent()) {
                Rgb8 colorized = new Rgb8(original.width(), original.height(), result);
                psnr[frame] = FrameMetrics.psnr(original, colorized);
                if (!exemplarFrames.contains(frame)) {
                    truth.get().add(confidence, lab, colorized, psnr[frame]);
                }
            }
            frame++;
            progress.accept(frame);
        }
        if (frame == 0) {
            throw new IOException("the film has no frames");
        }
        cutFrames.addAll(cuts.finish());
        List<Integer> shotStarts = new ArrayList<>();
        shotStarts.add(0);
        cutFrames.forEach(cut -> shotStarts.add(cut.intValue()));
        return new Result(shotStarts, Arrays.copyOf(scores, frame), truth.isPresent() ? Arrays.copyOf(psnr, frame) : new double[0],
                truth.map(ConfidenceCorrelation::result).orElse(null));
    }

    /**
     * What a scan found.
     *
     * @param shotStarts the first frame of each shot
     * @param scores each frame's score
     * @param psnr each frame's PSNR against the original (protocol scans), else empty
     * @param correlations the correlations (protocol scans), else null
     */
    public record Result(List<Integer> shotStarts, double[] scores, double[] psnr, ConfidenceCorrelation.Correlations correlations) {

        public Result {
            shotStarts = List.copyOf(shotStarts);
        }

        /** The mean PSNR over all frames (protocol scans). */
        public double meanPsnr() {
            return Arrays.stream(psnr).average().orElse(Double.NaN);
        }
    }
}
