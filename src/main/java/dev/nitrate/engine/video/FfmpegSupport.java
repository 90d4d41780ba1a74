package dev.nitrate.engine.video;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/** Small helpers around the FFmpeg C API; also keeps FFmpeg's own log quiet (errors are reported by us, in one line). */
final class FfmpegSupport {

    static final int FRAME_FLAG_KEY = 1 << 1;
    static final int FRAME_FLAG_INTERLACED = 1 << 3;
    static final int FRAME_FLAG_TOP_FIELD_FIRST = 1 << 4;
    static final int PACKET_FLAG_DISCARD = 0x0004;

    static {
        av_log_set_level(Boolean.getBoolean("nitrate.ffmpegLog") ? AV_LOG_WARNING : AV_LOG_QUIET);
    }

    private FfmpegSupport() {}

    /** Loads the natives and applies the log level; call before any other FFmpeg use. */
    static void init() {
        // the static initialiser does the work
    }

    /** Lets FFmpeg print warnings to stderr (for {@code --verbose}). */
    public static void showFfmpegLog(boolean show) {
        av_log_set_level(show ? AV_LOG_WARNING : AV_LOG_QUIET);
    }

    static String errorText(int code) {
        byte[] buffer = new byte[256];
        av_strerror(code, buffer, buffer.length);
        int end = 0;
        while (end < buffer.length && buffer[end] != 0) {
            end++;
        }
        return new String(buffer, 0, end, StandardCharsets.UTF_8);
    }

    static String string(BytePointer pointer) {
        return pointer == null || pointer.isNull() ? "" : pointer.getString();
    }

    static String pixelFormatName(int format) {
        return string(avutil.av_get_pix_fmt_name(format));
    }

    static int bitDepth(int pixelFormat) {
        AVPixFmtDescriptor descriptor = avutil.av_pix_fmt_desc_get(pixelFormat);
        if (descriptor == null || descriptor.isNull()) {
            return 8;
        }
        return descriptor.comp(0).depth();
    }

    static AVRational rational(long numerator, long denominator) {
        return avutil.av_make_q((int) numerator, (int) denominator);
    }

    /**
     * Sends one frame (or null to drain) to an encoder and writes every packet it gives back to the muxer;
     * {@code encoderName} names the encoder in the one-line errors ("the encoder", "the proxy encoder").
     */
    static void encodeAndWrite(Path file, String encoderName, AVCodecContext encoder, AVPacket packet,
            AVFormatContext muxer, AVStream stream, AVFrame frameOrNull) throws MediaException {
        int result = avcodec_send_frame(encoder, frameOrNull);
        if (result < 0) {
            throw new MediaException(file, encoderName + " refused a frame (" + errorText(result) + ")");
        }
        while (true) {
            result = avcodec_receive_packet(encoder, packet);
            if (result == AVERROR_EOF || result == AVERROR_EAGAIN()) {
                return;
            }
            if (result < 0) {
                throw new MediaException(file, "encoding failed (" + errorText(result) + ")");
            }
            packet.stream_index(stream.index());
            av_packet_rescale_ts(packet, encoder.time_base(), stream.time_base());
            result = av_interleaved_write_frame(muxer, packet);
            if (result < 0) {
                throw new MediaException(file, "cannot write (" + errorText(result) + ")");
            }
        }
    }

    /** Creates {@code file} for the muxer and writes the container's header; the muxer owns the file from then on. */
    static void openFile(Path file, AVFormatContext muxer) throws MediaException {
        openFile(file, muxer, null);
    }

    /**
     * As {@link #openFile(Path, AVFormatContext)}, with the muxer's header options ({@code null} for none; the caller
     * keeps and frees them).
     */
    static void openFile(Path file, AVFormatContext muxer, AVDictionary headerOptions) throws MediaException {
        AVIOContext io = new AVIOContext(null);
        int result = avio_open(io, file.toString(), AVIO_FLAG_WRITE);
        if (result < 0) {
            throw new MediaException(file, "cannot create the file (" + errorText(result) + ")");
        }
        muxer.pb(io);
        result = avformat_write_header(muxer, headerOptions);
        if (result < 0) {
            throw new MediaException(file, "cannot write the file header (" + errorText(result) + ")");
        }
    }

    /** Closes the muxer's file if it is still open (nothing is reported: the output is being given up) and frees the muxer. */
    static void freeMuxer(AVFormatContext muxer) {
        if (muxer.pb() != null && !muxer.pb().isNull()) {
            avio_closep(muxer.pb());
        }
        avformat_free_context(muxer);
    }

    /** Writes the container's trailer and closes the muxer's file, reporting a write error from any of it. */
    static void finishFile(Path file, AVFormatContext muxer) throws MediaException {
        int result = av_write_trailer(muxer);
        if (result < 0) {
            throw new MediaException(file, "cannot finish the file (" + errorText(result) + ")");
        }
        int ioError = muxer.pb().error();
        result = avio_closep(muxer.pb());
        muxer.pb(null);
        if (ioError < 0 || result < 0) {
            throw new MediaException(file, "cannot write (" + errorText(ioError < 0 ? ioError : result) + ")");
        }
    }
}
