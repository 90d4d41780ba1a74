package dev.nitrate.engine.metrics;

import dev.nitrate.engine.video.RgbPixels.Rgb8;

/** Collects {@link QualityFigures} over a run of frames, one pair (original, result) at a time. */
public final class QualityAccumulator {

    private final ColourDistributionConsistency consistency = new ColourDistributionConsistency();
    private int frames;
    private double psnrSum;
    private double ssimSum;
    private double colourfulnessSum;
    private double colourfulnessGroundTruthSum;
    private double ciede2000Sum;
    private double maxLumaDrift;
    private double meanLumaDriftSum;

    /** Adds one frame of the colour original and the corresponding result frame. */
    public void add(Rgb8 groundTruth, Rgb8 result) {
        add(FrameScore.of(groundTruth, result));
    }

    /** Adds the measures of one frame. */
    public void add(FrameScore score) {
        psnrSum += score.psnr();
        ssimSum += score.ssim();
        consistency.add(score.resultHistograms());
        colourfulnessSum += score.colourfulness();
        colourfulnessGroundTruthSum += score.colourfulnessGroundTruth();
        ciede2000Sum += score.meanCiede2000();
        maxLumaDrift = Math.max(maxLumaDrift, score.lumaDrift().max());
        meanLumaDriftSum += score.lumaDrift().mean();
        frames++;
    }

    public int frames() {
        return frames;
    }

    /** The figures of the frames added so far. */
    public QualityFigures figures() {
        if (frames == 0) {
            throw new IllegalStateException("no frames were compared");
        }
        return new QualityFigures(frames, psnrSum / frames, ssimSum / frames, consistency.value(),
                colourfulnessSum / frames, colourfulnessGroundTruthSum / frames, ciede2000Sum / frames,
                maxLumaDrift, meanLumaDriftSum / frames);
    }
}
