package dev.nitrate.engine.render;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where and how a render is written.
 *
 * @param path the video file, or the folder that will hold the frames
 * @param format the output format
 * @param crf x264/x265 constant rate factor for lossy video (ignored with luma lock, which encodes losslessly)
 * @param lumaLock make the output's luma equal the source's (video: decoded Y exactly, lossless encode; images are always exact in BT.601 luma, see LumaMatch)
 * @param preset the x264/x265 speed preset, one of {@link #PRESETS}
 * @param copyAudio copy the film's audio streams, unchanged, into a video output (image sequences never carry audio)
 * @param overwrite replace an existing output: a regular file, or a folder of frames Nitrate wrote (never anything else)
 */
public record OutputSpec(Path path, OutputFormat format, int crf, boolean lumaLock, String preset, boolean copyAudio, boolean overwrite) {

    /** The speed presets x264 and x265 share, fastest first. */
    public static final List<String> PRESETS = List.of("ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower",
            "veryslow", "placebo");

    /** An output that copies the film's audio into a video file and never replaces an existing output. */
    public OutputSpec(Path path, OutputFormat format, int crf, boolean lumaLock, String preset) {
        this(path, format, crf, lumaLock, preset, true, false);
    }

    /** An output that never replaces an existing output. */
    public OutputSpec(Path path, OutputFormat format, int crf, boolean lumaLock, String preset, boolean copyAudio) {
        this(path, format, crf, lumaLock, preset, copyAudio, false);
    }

    public OutputSpec {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(preset, "preset");
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("CRF must be 0-51, got " + crf);
        }
        if (!PRESETS.contains(preset)) {
            throw new IllegalArgumentException("not an x264/x265 preset: '" + preset + "' (use " + String.join(", ", PRESETS) + ")");
        }
    }
}
