package dev.nitrate.engine.metrics;

import dev.nitrate.engine.color.CieLab;
import dev.nitrate.engine.color.LumaMatch;
import dev.nitrate.engine.colorize.ColorizeException;
import dev.nitrate.engine.confidence.ConfidenceCorrelation;
import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.pipeline.FramePipeline;
import dev.nitrate.engine.shots.CutDetector;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * The standard evaluation protocol for exemplar-based video colorization: every colour frame
 * is reduced to an 8-bit grayscale frame, its BT.601 luma rounded to the nearest code (what
 * FFmpeg's {@code format=gray} gives, the grayscale film of the protocol); the colorizer gets that
 * frame's CIE L and predicts a and b; the result is composed as a render composes it, with the
 * grayscale frame's luma kept ({@link LumaMatch}), and compared with the colour original. The two
 * trivial baselines are scored as the protocol defines them, on the original's own L:
 * {@code gray} (a = b = 0) and {@code static} (frame 0's a and b on every frame). Figures are
 * given per clip and per shot; shots are found with the engine's hard-cut detector
 * ({@link CutDetector}). When the model gives a per-pixel confidence, the report says how well it predicts the
 * error ({@link ConfidenceCorrelation}; the exemplar's own frame left out).
 */
public final class ProtocolEvaluation {

    /** Name of the model's entry in {@link EvaluationReport#methods()}. */
    public static final String MODEL = "model";
    public static final String GRAY = "gray";
    public static final String STATIC = "static";


    /**
     * Evaluates the clip.
     *
     * @param clip the colour clip; read to its end or to {@code maxFrames}
     * @param colorizer the model, or empty to score only the baselines; the caller owns and closes it
     * @param exemplar the exemplar for the model
     * @param maxFrames the most frames to evaluate; 0 for all
     * @param progress told the number of frames done after each frame
     */
    public EvaluationReport evaluate(RgbFrameSource clip, Optional<FrameColorizer> colorizer,
            EvaluationExemplar exemplar, int maxFrames, IntConsumer progress) throws IOException, ColorizeException {
        List<Scorer> scorers = new ArrayList<>();
        colorizer.ifPresent(c -> scorers.add(new Scorer(MODEL)));
        Scorer gray = new Scorer(GRAY);
        Scorer still = new Scorer(STATIC);
        scorers.add(gray);
        scorers.add(still);

        CutDetector cutDetector = new CutDetector();
        List<Long> cuts = new ArrayList<>();
        int frameIndex = 0;
        FloatPlane staticA = null;
        FloatPlane staticB = null;
        FloatPlane zeros = null;
        long[] colorizeNanos = {0};
        Optional<FramePipeline> pipeline = colorizer.map(c -> new FramePipeline(c, (stage, nanos) -> {
            if (stage == FramePipeline.Stage.COLORIZE) {
                colorizeNanos[0] += nanos;
            }
        }));
        ConfidenceCorrelation correlation = new ConfidenceCorrelation(ConfidenceCorrelation.DEFAULT_STRIDE);
        boolean correlated = false;
        Optional<Rgb8> next;
        while ((maxFrames <= 0 || frameIndex < maxFrames) && (next = clip.next()).isPresent()) {
            Rgb8 original = next.get();
            if (original.width() != clip.width() || original.height() != clip.height()) {
                throw new IOException("frame " + frameIndex + " is " + original.width() + "x" + original.height()
                        + ", the clip " + clip.width() + "x" + clip.height());
            }
            cuts.addAll(cutDetector.feed(original));
            LabImage lab = CieLab.fromRgb8(original.rgb(), original.width(), original.height());
            FloatPlane lightness = lab.lightness();
            if (frameIndex == 0) {
                staticA = lab.a();
                staticB = lab.b();
                zeros = FloatPlane.zeros(original.width(), original.height());
                if (colorizer.isPresent()) {
                    if (exemplar instanceof EvaluationExemplar.Image image) {
                        colorizer.get().beginSequence(List.of(image.lab()), false);
                    } else {
                        colorizer.get().beginSequence(List.of(lab), true);
                    }
                }
            }
            if (colorizer.isPresent()) {
                byte[] grayscale = grayscaleFilmFrame(original.rgb());
                byte[] result = pipeline.orElseThrow().colorizeRgb8(grayscale, original.width(), original.height());
                Rgb8 colorized = new Rgb8(original.width(), original.height(), result);
                FrameScore score = scorers.get(0).add(original, colorized);
                boolean exemplarFrame = frameIndex == 0 && exemplar == EvaluationExemplar.FIRST_FRAME;
                Optional<FloatPlane> confidence = pipeline.orElseThrow().lastConfidence();
                if (confidence.isPresent() && !exemplarFrame) {
                    correlation.add(confidence.get(), lab, colorized, score.psnr());
                    correlated = true;
                }
            }
            gray.add(original, toRgb(lightness, zeros, zeros));
            still.add(original, toRgb(lightness, staticA, staticB));
            frameIndex++;
            long settled = cutDetector.undecidedFrom();
            scorers.forEach(scorer -> scorer.settle(settled, cuts));
            progress.accept(frameIndex);
        }
        if (frameIndex == 0) {
            throw new IOException("the clip has no frames");
        }
        cuts.addAll(cutDetector.finish());
        scorers.forEach(scorer -> scorer.settle(Long.MAX_VALUE, cuts));
        List<Shot> shots = new ArrayList<>();
        int shotStart = 0;
        for (long cut : cuts) {
            shots.add(new Shot(shots.size(), shotStart, (int) cut - shotStart));
            shotStart = (int) cut;
        }
        shots.add(new Shot(shots.size(), shotStart, frameIndex - shotStart));
        List<MethodEvaluation> methods = scorers.stream().map(Scorer::result).toList();
        double secondsPerFrame = colorizer.isPresent() ? colorizeNanos[0] / 1e9 / frameIndex : 0;
        return new EvaluationReport(clip.width(), clip.height(), exemplar.toString(), shots, methods, secondsPerFrame,
                correlated ? correlation.result() : null);
    }

    /** The protocol's grayscale input: each pixel's BT.601 luma, rounded, on all three channels. */
    public static byte[] grayscaleFilmFrame(byte[] rgb) {
        byte[] gray = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i += 3) {
            byte luma = (byte) LumaMatch.luma(rgb[i] & 0xFF, rgb[i + 1] & 0xFF, rgb[i + 2] & 0xFF);
            gray[i] = luma;
            gray[i + 1] = luma;
            gray[i + 2] = luma;
        }
        return gray;
    }

    private static Rgb8 toRgb(FloatPlane lightness, FloatPlane a, FloatPlane b) {
        byte[] rgb = CieLab.toRgb8(new LabImage(lightness, a, b));
        return new Rgb8(lightness.width(), lightness.height(), rgb);
    }

    /**
     * One method's figures, per clip and per shot. A frame's score waits until the cut detector has settled
     * whether a shot starts at it (a few frames later), then joins its shot.
     */
    private static final class Scorer {
        private final String method;
        private final QualityAccumulator clip = new QualityAccumulator();
        private final List<QualityFigures> shots = new ArrayList<>();
        private final java.util.ArrayDeque<FrameScore> waiting = new java.util.ArrayDeque<>();
        private QualityAccumulator shot = new QualityAccumulator();
        private long nextFrame;
        private int nextCut;

        Scorer(String method) {
            this.method = method;
        }

        FrameScore add(Rgb8 original, Rgb8 result) {
            FrameScore score = FrameScore.of(original, result);
            clip.add(score);
            waiting.addLast(score);
            return score;
        }

        /** Moves the scores of frames before {@code settledBefore} into their shots, ending a shot at each cut. */
        void settle(long settledBefore, List<Long> cuts) {
            while (!waiting.isEmpty() && nextFrame < settledBefore) {
                if (nextCut < cuts.size() && cuts.get(nextCut) == nextFrame) {
                    shots.add(shot.figures());
                    shot = new QualityAccumulator();
                    nextCut++;
                }
                shot.add(waiting.pollFirst());
                nextFrame++;
            }
        }

        MethodEvaluation result() {
            shots.add(shot.figures());
            return new MethodEvaluation(method, clip.figures(), shots);
        }
    }
}
