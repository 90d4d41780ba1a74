package dev.nitrate.engine.colormnet;

/**
 * Sizes of one film's frames as the networks see them: the network frame (the film's frame, or a
 * downscaled one when the pack sets {@code inference.max_area}), padded symmetrically to multiples
 * of the padding multiple, and the memory grid at stride 16.
 */
public record FrameGeometry(
        int frameWidth, int frameHeight,
        int networkWidth, int networkHeight,
        int paddedWidth, int paddedHeight,
        int padLeft, int padTop,
        int gridWidth, int gridHeight) {

    /** Geometry for a film frame under a pack's padding, stride and maximum area. */
    public static FrameGeometry of(int frameWidth, int frameHeight, int paddingMultiple, int stride16, Long maxArea) {
        if (frameWidth <= 0 || frameHeight <= 0) {
            throw new IllegalArgumentException("frame size must be positive: " + frameWidth + "x" + frameHeight);
        }
        int netW = frameWidth;
        int netH = frameHeight;
        if (maxArea != null && (long) frameWidth * frameHeight > maxArea) {
            double scale = Math.sqrt(maxArea / ((double) frameWidth * frameHeight));
            netW = Math.max(1, (int) Math.floor(frameWidth * scale));
            netH = Math.max(1, (int) Math.floor(frameHeight * scale));
        }
        int padW = ceilTo(netW, paddingMultiple);
        int padH = ceilTo(netH, paddingMultiple);
        if (padW % stride16 != 0 || padH % stride16 != 0) {
            throw new IllegalArgumentException("padding multiple " + paddingMultiple + " is not a multiple of the stride " + stride16);
        }
        return new FrameGeometry(frameWidth, frameHeight, netW, netH, padW, padH, (padW - netW) / 2, (padH - netH) / 2,
                padW / stride16, padH / stride16);
    }

    private static int ceilTo(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    /** True when the networks run on a downscaled frame. */
    public boolean downscaled() {
        return networkWidth != frameWidth || networkHeight != frameHeight;
    }

    /** Memory elements per frame. */
    public int gridElements() {
        return gridWidth * gridHeight;
    }

    public int paddedPixels() {
        return paddedWidth * paddedHeight;
    }
}
