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
}
