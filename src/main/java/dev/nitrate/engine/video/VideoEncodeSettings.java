package dev.nitrate.engine.video;

import java.util.Objects;

/**
 * How video is encoded.
 *
 * @param codec H.264, H.265 or FFV1
 * @param crf constant rate factor (lower is better; 0-51); ignored when lossless
 * @param lossless encode losslessly (H.264 {@code qp 0}, H.265 {@code lossless=1}; FFV1 always is): decoded frames equal the written ones
 * @param preset the x264/x265 speed preset, e.g. {@code medium}
 * @param width frame width
 * @param height frame height
 * @param frameRate exact frame rate
 * @param bitDepth bits per component written: 8, 10, 12 (H.265, FFV1) or 16 (FFV1)
 * @param colour the source's colour description: known values are carried into the output and its RGB to YUV
 *     conversion uses the matrix it is tagged with (see {@link ColourTags#forYuvOutput()}); FFV1 stores an RGB source as RGB
 */
public record VideoEncodeSettings(VideoCodec codec, int crf, boolean lossless, String preset, int width, int height, Rational frameRate,
        int bitDepth, ColourTags colour) {

    public static final int DEFAULT_CRF = 18;
    public static final String DEFAULT_PRESET = "medium";

    /** 8-bit video tagged BT.709, limited range. */
    public VideoEncodeSettings(VideoCodec codec, int crf, boolean lossless, String preset, int width, int height, Rational frameRate) {
        this(codec, crf, lossless, preset, width, height, frameRate, 8, ColourTags.BT709_LIMITED);
    }

    public VideoEncodeSettings {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(frameRate, "frameRate");
        Objects.requireNonNull(colour, "colour");
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("CRF must be 0-51, got " + crf);
        }
        if (width < 2 || height < 2) {
            throw new IllegalArgumentException("frame size " + width + "x" + height + " is too small to encode");
        }
        boolean depthWritable = switch (codec) {
            case H264 -> bitDepth == 8;
            case H265 -> bitDepth == 8 || bitDepth == 10 || bitDepth == 12;
            case FFV1 -> bitDepth == 8 || bitDepth == 10 || bitDepth == 12 || bitDepth == 16;
        };
        if (!depthWritable) {
            throw new IllegalArgumentException(codec + " is not written at " + bitDepth + " bits");
        }
    }

    /** Whether the video is stored as RGB rather than YUV (FFV1 from an RGB source). */
    public boolean storesRgb() {
        return codec == VideoCodec.FFV1 && colour.isRgb();
    }

    /** The colour tags the file carries. */
    public ColourTags outputTags() {
        ColourTags yuv = colour.forYuvOutput();
        return storesRgb() ? new ColourTags(org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG, yuv.primaries(), yuv.transfer(), colour.matrix()) : yuv;
    }
}
