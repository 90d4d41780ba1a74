package dev.nitrate.engine.metrics;

/**
 * Quality of a colorized run of frames against its colour original.
 *
 * @param frames frames compared
 * @param psnr PSNR over 8-bit RGB in dB, averaged over frames
 * @param ssim SSIM (7x7 uniform window, per channel), averaged over frames
 * @param cdc colour distribution consistency of the result (lower is steadier)
 * @param colourfulness Hasler-Suesstrunk colourfulness of the result, averaged over frames
 * @param colourfulnessGroundTruth the same of the colour original
 * @param meanCiede2000 CIEDE2000 difference averaged over pixels and frames
 * @param maxLumaDrift the largest absolute Rec. 601 luma difference of any pixel, in 8-bit codes
 * @param meanLumaDrift the mean absolute Rec. 601 luma difference, in 8-bit codes
 */
public record QualityFigures(
        int frames,
        double psnr,
        double ssim,
        double cdc,
        double colourfulness,
        double colourfulnessGroundTruth,
        double meanCiede2000,
        double maxLumaDrift,
        double meanLumaDrift) {}
