package dev.nitrate.engine.video;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/** Test helper: reads packets of a file directly with FFmpeg. */
public final class MediaProbe {

    private MediaProbe() {}

    /** SHA-256 of the payloads of all audio packets, in order, per audio stream. */
    public static List<String> audioPayloadDigests(Path file) throws Exception {
        FfmpegSupport.init();
        AVFormatContext format = new AVFormatContext(null);
        if (avformat_open_input(format, file.toString(), null, (AVDictionary) null) < 0) {
            throw new IllegalStateException("cannot open " + file);
        }
        AVPacket packet = av_packet_alloc();
        try {
            avformat_find_stream_info(format, (AVDictionary) null);
            List<MessageDigest> digests = new ArrayList<>();
            List<Integer> audioStreams = new ArrayList<>();
            for (int i = 0; i < format.nb_streams(); i++) {
                if (format.streams(i).codecpar().codec_type() == org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO) {
                    audioStreams.add(i);
                    digests.add(MessageDigest.getInstance("SHA-256"));
                }
            }
            while (av_read_frame(format, packet) >= 0) {
                int position = audioStreams.indexOf(packet.stream_index());
                if (position >= 0) {
                    byte[] data = new byte[packet.size()];
                    packet.data().get(data);
                    digests.get(position).update(data);
                }
                av_packet_unref(packet);
            }
            return digests.stream().map(d -> HexFormat.of().formatHex(d.digest())).toList();
        } finally {
            av_packet_free(packet);
            avformat_close_input(format);
        }
    }

    /** Every decoded frame of a film as 8-bit RGB. */
    public static List<byte[]> decodeAll(Path film) throws MediaException {
        List<byte[]> frames = new ArrayList<>();
        try (FilmReader reader = Films.open(film, FilmOpenOptions.defaults())) {
            for (long i = 0; i < reader.info().frameCount(); i++) {
                frames.add(reader.read(i).pixels().toRgb8());
            }
        }
        return frames;
    }

    /** Every decoded frame's luma plane ({@code yuv420p} Y) of a video. */
    public static List<byte[]> decodeLuma(Path film) throws MediaException {
        List<byte[]> frames = new ArrayList<>();
        try (FilmReader reader = Films.open(film, FilmOpenOptions.defaults().withVideoLuma(true))) {
            for (long i = 0; i < reader.info().frameCount(); i++) {
                frames.add(reader.read(i).videoLuma().orElseThrow());
            }
        }
        return frames;
    }

    /** Writes a NUT file of {@code frames} raw RGB frames of the given size (sizes no H.264 encoder accepts). */
    public static Path writeRawVideo(Path file, int width, int height, int frames) throws Exception {
        FfmpegSupport.init();
        var codec = org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name("rawvideo");
        AVFormatContext muxer = new AVFormatContext(null);
        org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2(muxer, null, "nut", file.toString());
        var encoder = org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3(codec);
        encoder.width(width);
        encoder.height(height);
        encoder.pix_fmt(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24);
        encoder.time_base(FfmpegSupport.rational(1, 25));
        if (org.bytedeco.ffmpeg.global.avcodec.avcodec_open2(encoder, codec, (AVDictionary) null) < 0) {
            throw new IllegalStateException("rawvideo encoder");
        }
        var stream = org.bytedeco.ffmpeg.global.avformat.avformat_new_stream(muxer, null);
        org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context(stream.codecpar(), encoder);
        stream.time_base(encoder.time_base());
        var io = new org.bytedeco.ffmpeg.avformat.AVIOContext(null);
        org.bytedeco.ffmpeg.global.avformat.avio_open(io, file.toString(), org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE);
        muxer.pb(io);
        org.bytedeco.ffmpeg.global.avformat.avformat_write_header(muxer, (AVDictionary) null);
        var frame = org.bytedeco.ffmpeg.global.avutil.av_frame_alloc();
        frame.format(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24);
        frame.width(width);
        frame.height(height);
        org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer(frame, 32);
        AVPacket packet = av_packet_alloc();
        for (int i = 0; i < frames; i++) {
            frame.pts(i);
            org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame(encoder, frame);
            while (org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet(encoder, packet) >= 0) {
                packet.stream_index(0);
                org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts(packet, encoder.time_base(), stream.time_base());
                org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame(muxer, packet);
            }
        }
        org.bytedeco.ffmpeg.global.avformat.av_write_trailer(muxer);
        org.bytedeco.ffmpeg.global.avformat.avio_closep(muxer.pb());
        av_packet_free(packet);
        org.bytedeco.ffmpeg.global.avutil.av_frame_free(frame);
        org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context(encoder);
        org.bytedeco.ffmpeg.global.avformat.avformat_free_context(muxer);
        return file;
    }
}
