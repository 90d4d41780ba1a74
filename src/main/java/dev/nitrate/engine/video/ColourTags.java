package dev.nitrate.engine.video;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT2020_NCL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT470BG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_FCC;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_RGB;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE240M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_PAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_RGB;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * The colour description of a video, as FFmpeg's {@code AVCOL_*} values: what a player needs to show the
 * pixels as they were meant. Unspecified values are FFmpeg's {@code *_UNSPECIFIED}.
 *
 * @param range {@code AVCOL_RANGE_MPEG} (limited, Y 16-235 at 8 bits), {@code AVCOL_RANGE_JPEG} (full, 0-255) or unspecified
 * @param primaries {@code AVCOL_PRI_*}
 * @param transfer {@code AVCOL_TRC_*}
 * @param matrix {@code AVCOL_SPC_*}; {@code AVCOL_SPC_RGB} for a source stored as RGB
 */
public record ColourTags(int range, int primaries, int transfer, int matrix) {

    /** Nothing known. */
    public static final ColourTags UNSPECIFIED = new ColourTags(AVCOL_RANGE_UNSPECIFIED, AVCOL_PRI_UNSPECIFIED, AVCOL_TRC_UNSPECIFIED, AVCOL_SPC_UNSPECIFIED);

    /** What Nitrate writes where the source says nothing: BT.709, limited range. */
    public static final ColourTags BT709_LIMITED = new ColourTags(AVCOL_RANGE_MPEG, AVCOL_PRI_BT709, AVCOL_TRC_BT709, AVCOL_SPC_BT709);

    /** The tags of a decoded frame; a {@code yuvj} format counts as full range, an RGB format has the RGB matrix. */
    static ColourTags of(AVFrame frame) {
        int format = frame.format();
        String name = FfmpegSupport.pixelFormatName(format);
        int range = name.startsWith("yuvj") ? AVCOL_RANGE_JPEG : frame.color_range();
        AVPixFmtDescriptor descriptor = avutil.av_pix_fmt_desc_get(format);
        boolean rgb = descriptor != null && !descriptor.isNull() && (descriptor.flags() & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL)) != 0;
        return new ColourTags(range, frame.color_primaries(), frame.color_trc(), rgb ? AVCOL_SPC_RGB : frame.colorspace());
    }

    /** The stream metadata key under which {@link VideoSegmentWriter} keeps the tags in a container that has no fields for them (NUT). */
    static final String METADATA_KEY = "nitrate_colour";

    /** The tags as {@code range/primaries/transfer/matrix}, for {@link #METADATA_KEY}. */
    String toMetadata() {
        return range + "/" + primaries + "/" + transfer + "/" + matrix;
    }

    /** Reads {@link #toMetadata()}; empty for anything else. */
    static java.util.Optional<ColourTags> fromMetadata(String text) {
        String[] parts = text.split("/");
        if (parts.length != 4) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new ColourTags(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    Integer.parseInt(parts[3])));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** The matrices FFmpeg's scaler converts RGB with. */
    private static final Set<Integer> CONVERTIBLE_MATRICES = Set.of(AVCOL_SPC_BT709, AVCOL_SPC_FCC, AVCOL_SPC_BT470BG, AVCOL_SPC_SMPTE170M,
            AVCOL_SPC_SMPTE240M, AVCOL_SPC_BT2020_NCL);

    /** Whether the source states a YUV matrix that Nitrate cannot convert RGB with (e.g. YCgCo); such an output uses BT.709. */
    public boolean hasUnconvertibleMatrix() {
        return matrix != AVCOL_SPC_UNSPECIFIED && matrix != AVCOL_SPC_RGB && !CONVERTIBLE_MATRICES.contains(matrix);
    }

    /** Whether the source is stored as RGB (image files, RGB video). */
    public boolean isRgb() {
        return matrix == AVCOL_SPC_RGB;
    }

    /** Whether the YUV values use the full range (0-255 at 8 bits). */
    public boolean isFullRange() {
        return range == AVCOL_RANGE_JPEG;
    }

    /**
     * The tags of a YUV output made from this source: each known value kept, each unknown one (and the matrix of an RGB
     * source, or one that cannot be converted with) from {@link #BT709_LIMITED}.
     */
    public ColourTags forYuvOutput() {
        return new ColourTags(
                range == AVCOL_RANGE_JPEG ? AVCOL_RANGE_JPEG : AVCOL_RANGE_MPEG,
                primaries == AVCOL_PRI_UNSPECIFIED ? BT709_LIMITED.primaries : primaries,
                transfer == AVCOL_TRC_UNSPECIFIED ? BT709_LIMITED.transfer : transfer,
                CONVERTIBLE_MATRICES.contains(matrix) ? matrix : BT709_LIMITED.matrix);
    }

    /** The names of the values this source does not state (range, primaries, transfer, matrix), for a message. */
    public List<String> unstated() {
        List<String> missing = new ArrayList<>();
        if (range == AVCOL_RANGE_UNSPECIFIED) {
            missing.add("range");
        }
        if (primaries == AVCOL_PRI_UNSPECIFIED) {
            missing.add("primaries");
        }
        if (transfer == AVCOL_TRC_UNSPECIFIED) {
            missing.add("transfer");
        }
        if (matrix == AVCOL_SPC_UNSPECIFIED) {
            missing.add("matrix");
        }
        return missing;
    }

    /** FFmpeg's names, e.g. {@code range=pc primaries=bt709 transfer=bt709 matrix=bt709}. */
    public String describe() {
        return "range=" + name(avutil.av_color_range_name(range)) + " primaries=" + name(avutil.av_color_primaries_name(primaries))
                + " transfer=" + name(avutil.av_color_transfer_name(transfer)) + " matrix=" + name(avutil.av_color_space_name(matrix));
    }

    private static String name(org.bytedeco.javacpp.BytePointer pointer) {
        String text = FfmpegSupport.string(pointer);
        return text.isEmpty() ? "unknown" : text;
    }
}
