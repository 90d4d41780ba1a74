package dev.nitrate.engine.render;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how a render is written.
 *
 * @param path the video file, or the folder that will hold the frames
 * @param format the output format
 * @param crf x264/x265 constant rate factor for lossy video (ignored with luma lock, which encodes losslessly)
 * @param lumaLock make the output's luma equal the source's (video: decoded Y exactly, lossless encode; images are always exact in BT.601 luma, see LumaMatch)
 * @param preset the x264/x265 speed preset
 * @param copyAudio copy the film's audio streams, unchanged, into a video output (image sequences never carry audio)
 */
public record OutputSpec(Path path, OutputFormat format, int crf, boolean lumaLock, String preset, boolean copyAudio) {

    /** An output that copies the film's audio into a video file. */
    public OutputSpec(Path path, OutputFormat format, int crf, boolean lumaLock, String preset) {
        this(path, format, crf, lumaLock, preset, true);
    }

    public OutputSpec {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(preset, "preset");
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("CRF must be 0-51, got " + crf);
        }
    }
}
