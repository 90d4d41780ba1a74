package dev.nitrate.engine.metrics;

import dev.nitrate.engine.video.RgbPixels.Rgb8;

/**
 * All per-frame measures of one result frame against its original, computed once and then
 * accumulated into as many runs (clip, shot) as the frame belongs to.
 */
public record FrameScore(
        double psnr,
        double ssim,
        double[][] resultHistograms,
        double colourfulness,
        double colourfulnessGroundTruth,
        double meanCiede2000,
        FrameMetrics.LumaDrift lumaDrift) {

    /** Measures {@code result} against {@code groundTruth}. */
    public static FrameScore of(Rgb8 groundTruth, Rgb8 result) {
        groundTruth.requireSameSize(result);
        return new FrameScore(
                FrameMetrics.psnr(groundTruth, result),
                FrameMetrics.ssim(groundTruth, result),
                FrameMetrics.channelHistograms(result),
                FrameMetrics.colourfulness(result),
                FrameMetrics.colourfulness(groundTruth),
                FrameMetrics.meanCiede2000(groundTruth, result),
                FrameMetrics.lumaDrift(groundTruth, result));
    }
}
