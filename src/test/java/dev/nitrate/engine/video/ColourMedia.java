package dev.nitrate.engine.video;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/** Test helper: writes YUV films with chosen samples and colour tags, and decodes films to their luma as displayed. */
public final class ColourMedia {

    private ColourMedia() {}

    /** A film's Y planes as decoded, with how the file says to show them. */
    public record DecodedLuma(List<int[]> frames, int bits, boolean fullRange, ColourTags tags, String pixelFormat) {

        /** Y of a sample as displayed, on a 0-1 scale (limited range stretched, clipped). */
        public double displayed(int frame, int pixel) {
            int value = frames.get(frame)[pixel];
            double scale = 1 << (bits - 8);
            double shown = fullRange ? value / (double) ((1 << bits) - 1) : (value - 16 * scale) / (219 * scale);
            return Math.max(0, Math.min(1, shown));
        }
    }

    /**
     * Writes a film losslessly whose Y sample at {@code (x, y)} of frame {@code i} is {@code (x * 7 + y * 13 + i * 31) mod 2^bits}
     * (every value, 0 to the maximum, at every depth), chroma mid-grey, and tags it.
     *
     * @param pixelFormat e.g. {@code yuvj420p}, {@code yuv420p10le}
     */
    public static Path writeFilm(Path file, String container, String encoderName, String pixelFormat, int width, int height, int frames,
            ColourTags tags) throws Exception {
        FfmpegSupport.init();
        var codec = avcodec_find_encoder_by_name(encoderName);
        if (codec == null || codec.isNull()) {
            throw new IllegalStateException("no encoder " + encoderName);
        }
        int format = av_get_pix_fmt(pixelFormat);
        int bits = FfmpegSupport.bitDepth(format);
        AVFormatContext muxer = new AVFormatContext(null);
        avformat_alloc_output_context2(muxer, null, container, file.toString());
        var encoder = avcodec_alloc_context3(codec);
        encoder.width(width);
        encoder.height(height);
        encoder.pix_fmt(format);
        encoder.time_base(FfmpegSupport.rational(1, 25));
        encoder.framerate(FfmpegSupport.rational(25, 1));
        encoder.color_range(tags.range());
        encoder.color_primaries(tags.primaries());
        encoder.color_trc(tags.transfer());
        encoder.colorspace(tags.matrix());
        if ((muxer.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            encoder.flags(encoder.flags() | org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        AVDictionary options = new AVDictionary(null);
        if (encoderName.equals("libx264")) {
            av_dict_set(options, "qp", "0", 0);
            VideoSegmentWriter.x264InstructionSets().ifPresent(sets -> av_dict_set(options, "x264-params", "asm=" + sets, 0));
        } else if (encoderName.equals("libx265")) {
            av_dict_set(options, "x265-params", "log-level=none:lossless=1", 0);
        }
        int opened = avcodec_open2(encoder, codec, options);
        av_dict_free(options);
        if (opened < 0) {
            throw new IllegalStateException(encoderName + " encoder: " + FfmpegSupport.errorText(opened));
        }
        var stream = avformat_new_stream(muxer, null);
        avcodec_parameters_from_context(stream.codecpar(), encoder);
        stream.time_base(encoder.time_base());
        stream.avg_frame_rate(encoder.framerate());
        AVIOContext io = new AVIOContext(null);
        avio_open(io, file.toString(), AVIO_FLAG_WRITE);
        muxer.pb(io);
        avformat_write_header(muxer, (AVDictionary) null);
        AVFrame frame = av_frame_alloc();
        frame.format(format);
        frame.width(width);
        frame.height(height);
        frame.color_range(tags.range());
        frame.color_primaries(tags.primaries());
        frame.color_trc(tags.transfer());
        frame.colorspace(tags.matrix());
        av_frame_get_buffer(frame, 32);
        var descriptor = av_pix_fmt_desc_get(format);
        AVPacket packet = av_packet_alloc();
        for (int i = 0; i <= frames; i++) {
            if (i == frames) {
                avcodec_send_frame(encoder, null);
            } else {
                av_frame_make_writable(frame);
                int chromaWidth = -((-width) >> descriptor.log2_chroma_w());
                int chromaHeight = -((-height) >> descriptor.log2_chroma_h());
                for (int p = 0; p < 3; p++) {
                    int planeWidth = p == 0 ? width : chromaWidth;
                    int planeHeight = p == 0 ? height : chromaHeight;
                    BytePointer plane = frame.data(p);
                    for (int y = 0; y < planeHeight; y++) {
                        for (int x = 0; x < planeWidth; x++) {
                            int value = p == 0 ? (x * 7 + y * 13 + i * 31) % (1 << bits) : 1 << (bits - 1);
                            long at = (long) y * frame.linesize(p) + (bits > 8 ? 2L * x : x);
                            plane.put(at, (byte) value);
                            if (bits > 8) {
                                plane.put(at + 1, (byte) (value >> 8));
                            }
                        }
                    }
                }
                frame.pts(i);
                frame.duration(1);
                avcodec_send_frame(encoder, frame);
            }
            while (avcodec_receive_packet(encoder, packet) >= 0) {
                packet.stream_index(0);
                av_packet_rescale_ts(packet, encoder.time_base(), stream.time_base());
                av_interleaved_write_frame(muxer, packet);
            }
        }
        av_write_trailer(muxer);
        avio_closep(muxer.pb());
        av_packet_free(packet);
        av_frame_free(frame);
        avcodec_free_context(encoder);
        avformat_free_context(muxer);
        return file;
    }

    /** Decodes every frame of a video file and copies out its Y plane, with the range and tags the decoded frames carry. */
    public static DecodedLuma decodeLuma(Path file) throws MediaException {
        List<int[]> frames = new ArrayList<>();
        ColourTags tags = null;
        int bits = 8;
        String pixelFormat = "";
        try (FfmpegInput input = FfmpegInput.open(file)) {
            while (input.decodeNext()) {
                AVFrame frame = input.frame();
                tags = ColourTags.of(frame);
                bits = FfmpegSupport.bitDepth(frame.format());
                pixelFormat = FfmpegSupport.pixelFormatName(frame.format());
                int[] luma = new int[frame.width() * frame.height()];
                BytePointer plane = frame.data(0);
                for (int y = 0; y < frame.height(); y++) {
                    for (int x = 0; x < frame.width(); x++) {
                        long at = (long) y * frame.linesize(0) + (bits > 8 ? 2L * x : x);
                        luma[y * frame.width() + x] = bits > 8 ? (plane.get(at) & 0xFF) | (plane.get(at + 1) & 0xFF) << 8 : plane.get(at) & 0xFF;
                    }
                }
                frames.add(luma);
            }
        }
        if (tags == null) {
            throw new MediaException(file, "no frame decoded");
        }
        return new DecodedLuma(frames, bits, tags.isFullRange(), tags, pixelFormat);
    }
}
