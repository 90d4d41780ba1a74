package dev.nitrate.engine.video;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;

import dev.nitrate.engine.checksum.Sha256;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/**
 * SHA-256 of each audio stream's coded packets, in order: the payloads only, without timestamps or container
 * framing, so that a copy remuxed into another container still matches (Nitrate copies the film's audio unchanged).
 */
public final class AudioPayloadHashes {

    /**
     * One audio stream.
     *
     * @param codec FFmpeg's codec name, e.g. {@code aac}
     * @param packets how many packets it holds
     * @param sha256 the checksum of their payloads, one after another
     */
    public record StreamHash(String codec, long packets, String sha256) {}

    private AudioPayloadHashes() {}

    /** The audio streams of a video file, in the order the file lists them (none for a file without audio). */
    public static List<StreamHash> of(Path file) throws MediaException {
        FfmpegSupport.init();
        FfmpegInput.checkReadableFile(file);
        AVFormatContext format = new AVFormatContext(null);
        int result = avformat_open_input(format, file.toString(), null, (AVDictionary) null);
        if (result < 0) {
            throw new MediaException(file, "not a video FFmpeg can read (" + FfmpegSupport.errorText(result) + ")");
        }
        AVPacket packet = av_packet_alloc();
        try {
            avformat_find_stream_info(format, (AVDictionary) null);
            Map<Integer, Integer> order = new HashMap<>();
            List<String> codecs = new ArrayList<>();
            List<MessageDigest> digests = new ArrayList<>();
            List<long[]> counts = new ArrayList<>();
            for (int i = 0; i < format.nb_streams(); i++) {
                if (format.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_AUDIO) {
                    order.put(i, codecs.size());
                    codecs.add(FfmpegSupport.string(avcodec_get_name(format.streams(i).codecpar().codec_id())));
                    digests.add(Sha256.newDigest());
                    counts.add(new long[1]);
                }
            }
            byte[] buffer = new byte[0];
            while (av_read_frame(format, packet) >= 0) {
                Integer stream = order.get(packet.stream_index());
                if (stream != null && packet.size() > 0) {
                    if (buffer.length < packet.size()) {
                        buffer = new byte[packet.size()];
                    }
                    packet.data().position(0).get(buffer, 0, packet.size());
                    digests.get(stream).update(buffer, 0, packet.size());
                    counts.get(stream)[0]++;
                }
                av_packet_unref(packet);
            }
            List<StreamHash> hashes = new ArrayList<>();
            for (int s = 0; s < codecs.size(); s++) {
                hashes.add(new StreamHash(codecs.get(s), counts.get(s)[0], Sha256.hex(digests.get(s).digest())));
            }
            return hashes;
        } finally {
            av_packet_free(packet);
            avformat_close_input(format);
        }
    }
}
