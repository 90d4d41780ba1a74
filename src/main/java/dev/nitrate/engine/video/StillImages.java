package dev.nitrate.engine.video;

import java.nio.file.Path;

/** Reads single still images (any format FFmpeg decodes: PNG, JPEG, TIFF, DPX, WebP, BMP, ...). */
public final class StillImages {

    private StillImages() {}

    /**
     * Decodes the first picture of the file, keeping 16 bits per component when the image has more than 8.
     *
     * @throws MediaException naming the file when it is missing, empty or not a picture FFmpeg can decode
     */
    public static RgbPixels read(Path file) throws MediaException {
        try (FfmpegInput input = FfmpegInput.open(file)) {
            if (!input.decodeNext()) {
                throw new MediaException(file, "no picture can be decoded from this file");
            }
            boolean sixteen = FfmpegSupport.bitDepth(input.frame().format()) > 8;
            try (RgbExtractor extractor = new RgbExtractor(sixteen, false)) {
                return extractor.extract(input.frame(), 0).pixels();
            }
        }
    }
}
