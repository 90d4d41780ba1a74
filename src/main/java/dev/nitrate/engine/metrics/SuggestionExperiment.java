package dev.nitrate.engine.metrics;

import dev.nitrate.engine.color.CieLab;
import dev.nitrate.engine.colorize.ColorizeException;
import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.confidence.ConfidenceCorrelation;
import dev.nitrate.engine.confidence.ExemplarSuggester;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Does a suggested exemplar help? On a colour clip under the evaluation protocol (exemplar: colour frame 0):
 * the suggestion ({@link ExemplarSuggester}, count 1) from a first scan; then the clip again with the suggested
 * frame's original colour as a second exemplar, and again with the middle frame of the suggestion's shot instead
 * (a uniform choice). Mean PSNR of the three runs.
 */
public final class SuggestionExperiment {

    /** Opens the clip from its first frame; called once per run. */
    @FunctionalInterface
    public interface ClipOpener {
        RgbFrameSource open() throws IOException;
    }

    private final ClipOpener clip;
    private final FrameColorizer colorizer;
    private final int maxFrames;
    private final int minGap;
    private final IntConsumer progress;

    public SuggestionExperiment(ClipOpener clip, FrameColorizer colorizer, int maxFrames, int minGap, IntConsumer progress) {
        this.clip = clip;
        this.colorizer = colorizer;
        this.maxFrames = maxFrames;
        this.minGap = minGap;
        this.progress = progress;
    }

    /** Runs the three scans. */
    public Outcome run() throws IOException, ColorizeException {
        ConfidenceScan scan = new ConfidenceScan(colorizer, progress);
        ConfidenceScan.Result base = protocol(scan, Optional.empty());
        List<ExemplarSuggester.Suggestion> suggestions = new ExemplarSuggester(minGap)
                .suggest(base.scores(), base.shotStarts(), List.of(0), 1);
        if (suggestions.isEmpty()) {
            throw new IOException("no frame can be suggested (the clip is shorter than the minimum gap)");
        }
        int suggested = suggestions.get(0).frame();
        int shot = suggestions.get(0).shot();
        int shotFirst = base.shotStarts().get(shot);
        int shotLast = shot + 1 < base.shotStarts().size() ? base.shotStarts().get(shot + 1) - 1 : base.scores().length - 1;
        int uniform = (shotFirst + shotLast) / 2;
        ConfidenceScan.Result withSuggested = protocol(scan, Optional.of(suggested));
        ConfidenceScan.Result withUniform = protocol(scan, Optional.of(uniform));
        return new Outcome(base.scores().length, suggested, uniform, base.meanPsnr(), withSuggested.meanPsnr(),
                withUniform.meanPsnr(), base.correlations());
    }

    private ConfidenceScan.Result protocol(ConfidenceScan scan, Optional<Integer> second) throws IOException, ColorizeException {
        List<LabImage> more = second.isEmpty() ? List.of() : List.of(originalLab(second.get()));
        Set<Integer> exemplarFrames = second.isEmpty() ? Set.of(0) : Set.of(0, second.get());
        try (RgbFrameSource source = clip.open()) {
            return scan.protocol(source, more, exemplarFrames, maxFrames, ConfidenceCorrelation.DEFAULT_STRIDE);
        }
    }

    private LabImage originalLab(int frame) throws IOException {
        try (RgbFrameSource source = clip.open()) {
            for (int i = 0; i < frame; i++) {
                source.next();
            }
            Rgb8 rgb = source.next().orElseThrow(() -> new IOException("the clip has no frame " + frame));
            return CieLab.fromRgb8(rgb.rgb(), rgb.width(), rgb.height());
        }
    }

    /**
     * The experiment's figures for one clip.
     *
     * @param frames frames scored
     * @param suggested the suggested frame
     * @param uniform the middle frame of the suggestion's shot
     * @param basePsnr mean PSNR with frame 0 alone
     * @param suggestedPsnr mean PSNR with frame 0 and the suggested frame
     * @param uniformPsnr mean PSNR with frame 0 and the uniform frame
     * @param correlations the first scan's correlations
     */
    public record Outcome(int frames, int suggested, int uniform, double basePsnr, double suggestedPsnr, double uniformPsnr,
            ConfidenceCorrelation.Correlations correlations) {}
}
