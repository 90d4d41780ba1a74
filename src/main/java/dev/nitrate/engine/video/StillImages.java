package dev.nitrate.engine.video;

import java.nio.file.Path;

/** Reads single still images (any format FFmpeg decodes: PNG, JPEG, TIFF, DPX, WebP, BMP, ...). */
public final class StillImages {

    private StillImages() {}

    /**
     * Refuses, in one line, a picture whose pixels would take more than a third of the memory Java may use:
     * it could not be loaded without running out of memory.
     *
     * @throws MediaException naming the file, its size and what to do
     */
    public static void checkFitsInMemory(Path file, int width, int height, int bytesPerPixel) throws MediaException {
        long bytes = (long) width * height * bytesPerPixel;
        long budget = Runtime.getRuntime().maxMemory() / 3;
        if (bytes > budget || bytes > Integer.MAX_VALUE - 64) {
            throw new MediaException(file, "is " + width + "x" + height + ", too large to load in the memory Java may use ("
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB); scale it down or give Java more memory (-Xmx)");
        }
    }

    /**
     * Decodes the first picture of the file, keeping 16 bits per component when the image has more than 8.
     *
     * @throws MediaException naming the file when it is missing, empty, not a picture FFmpeg can decode, or too
     *     large for the memory Java may use
     */
    public static RgbPixels read(Path file) throws MediaException {
        try (FfmpegInput input = FfmpegInput.open(file)) {
            if (!input.decodeNext()) {
                throw new MediaException(file, "no picture can be decoded from this file");
            }
            boolean sixteen = FfmpegSupport.bitDepth(input.frame().format()) > 8;
            checkFitsInMemory(file, input.frame().width(), input.frame().height(), sixteen ? 6 : 3);
            try (RgbExtractor extractor = new RgbExtractor(sixteen, false)) {
                return extractor.extract(input.frame(), 0).pixels();
            }
        }
    }
}
