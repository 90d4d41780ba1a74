package dev.nitrate.engine.video;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_DEFAULT;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONREF;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * One opened media file with a decoder on its video stream: the single owner of the FFmpeg
 * demuxer, decoder, packet and frame. Not thread-safe.
 */
final class FfmpegInput implements AutoCloseable {

    /** The video packets of a file, as found by a demux-only pass. */
    record PacketIndex(long[] sortedPts, long[] sortedKeyPts, boolean timestampsReliable, boolean truncated, long endPts) {
        int frameCount() {
            return sortedPts.length;
        }
    }

    private final Path file;
    private final AVFormatContext format;
    private final int videoStream;
    private final AVCodecContext decoder;
    private final AVPacket packet;
    private final AVFrame frame;
    private boolean inputDrained;
    private long skipNonReferenceBelow = Long.MIN_VALUE;

    private FfmpegInput(Path file, AVFormatContext format, int videoStream, AVCodecContext decoder) {
        this.file = file;
        this.format = format;
        this.videoStream = videoStream;
        this.decoder = decoder;
        this.packet = av_packet_alloc();
        this.frame = av_frame_alloc();
    }

    /** Opens a file and a decoder for its video stream, or says in one line why it cannot. */
    static FfmpegInput open(Path file) throws MediaException {
        FfmpegSupport.init();
        checkReadableFile(file);
        AVFormatContext format = new AVFormatContext(null);
        int result = avformat_open_input(format, file.toString(), null, (AVDictionary) null);
        if (result < 0) {
            throw new MediaException(file, "not a video or image that FFmpeg can read (" + FfmpegSupport.errorText(result) + ")");
        }
        boolean handedOver = false;
        AVCodecContext decoder = null;
        try {
            result = avformat_find_stream_info(format, (AVDictionary) null);
            if (result < 0) {
                throw new MediaException(file, "cannot read the streams (" + FfmpegSupport.errorText(result) + ")");
            }
            int video = -1;
            boolean audio = false;
            for (int i = 0; i < format.nb_streams(); i++) {
                int type = format.streams(i).codecpar().codec_type();
                if (type == AVMEDIA_TYPE_VIDEO && video < 0 && (format.streams(i).disposition() & 0x0400) == 0) {
                    video = i;
                } else if (type == AVMEDIA_TYPE_AUDIO) {
                    audio = true;
                }
            }
            if (video < 0) {
                throw new MediaException(file, audio ? "has no video stream (audio only)" : "has no video stream");
            }
            AVCodecParameters parameters = format.streams(video).codecpar();
            restoreColourTags(format.streams(video));
            AVCodec codec = avcodec_find_decoder(parameters.codec_id());
            if (codec == null || codec.isNull()) {
                String name = FfmpegSupport.string(avcodec_get_name(parameters.codec_id()));
                String tag = fourcc(parameters.codec_tag());
                throw new MediaException(file, "cannot decode video codec '" + name + "'" + (tag.isEmpty() ? "" : " (tag " + tag + ")")
                        + ": no decoder for it in this FFmpeg build");
            }
            if (parameters.width() > 0 && parameters.height() > 0 && (parameters.width() < 16 || parameters.height() < 16)) {
                throw new MediaException(file, "frame size " + parameters.width() + "x" + parameters.height() + " is too small (at least 16x16)");
            }
            decoder = avcodec_alloc_context3(codec);
            avcodec_parameters_to_context(decoder, parameters);
            decoder.pkt_timebase(format.streams(video).time_base());
            decoder.thread_count(0);
            result = avcodec_open2(decoder, codec, (AVDictionary) null);
            if (result < 0) {
                throw new MediaException(file, "cannot open the " + FfmpegSupport.string(codec.name()) + " decoder (" + FfmpegSupport.errorText(result) + ")");
            }
            FfmpegInput input = new FfmpegInput(file, format, video, decoder);
            handedOver = true;
            return input;
        } finally {
            if (!handedOver) {
                if (decoder != null) {
                    avcodec_free_context(decoder);
                }
                avformat_close_input(format);
            }
        }
    }

    /** NUT has no colour fields: a segment written by {@link VideoSegmentWriter} keeps its tags in stream metadata. */
    private static void restoreColourTags(AVStream stream) {
        AVCodecParameters parameters = stream.codecpar();
        Optional<ColourTags> kept = metadata(stream.metadata(), ColourTags.METADATA_KEY).flatMap(ColourTags::fromMetadata);
        if (kept.isEmpty() || !new ColourTags(parameters.color_range(), parameters.color_primaries(), parameters.color_trc(),
                parameters.color_space()).equals(ColourTags.UNSPECIFIED)) {
            return;
        }
        parameters.color_range(kept.get().range());
        parameters.color_primaries(kept.get().primaries());
        parameters.color_trc(kept.get().transfer());
        parameters.color_space(kept.get().matrix());
    }

    static void checkReadableFile(Path file) throws MediaException {
        if (!Files.exists(file)) {
            throw new MediaException(file, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new MediaException(file, "is a folder, not a file");
        }
        try {
            if (Files.size(file) == 0) {
                throw new MediaException(file, "file is empty (0 bytes)");
            }
        } catch (IOException e) {
            throw new MediaException(file, "cannot be read (" + e.getMessage() + ")");
        }
        if (!Files.isReadable(file)) {
            throw new MediaException(file, "cannot be read (permission denied)");
        }
    }

    private static String fourcc(int tag) {
        if (tag == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            int c = (tag >> (8 * i)) & 0xFF;
            text.append(c >= 32 && c < 127 ? (char) c : '?');
        }
        return text.toString();
    }

    Path file() {
        return file;
    }

    AVStream videoStream() {
        return format.streams(videoStream);
    }

    int videoStreamIndex() {
        return videoStream;
    }

    AVCodecContext decoder() {
        return decoder;
    }

    AVFormatContext format() {
        return format;
    }

    AVFrame frame() {
        return frame;
    }

    String containerName() {
        return FfmpegSupport.string(format.iformat().name());
    }

    String codecName() {
        return FfmpegSupport.string(avcodec_get_name(videoStream().codecpar().codec_id()));
    }

    List<AudioStreamInfo> audioStreams() {
        List<AudioStreamInfo> streams = new ArrayList<>();
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream stream = format.streams(i);
            AVCodecParameters parameters = stream.codecpar();
            if (parameters.codec_type() == AVMEDIA_TYPE_AUDIO) {
                streams.add(new AudioStreamInfo(i, FfmpegSupport.string(avcodec_get_name(parameters.codec_id())),
                        parameters.ch_layout().nb_channels(), parameters.sample_rate(), metadata(stream.metadata(), "language").orElse("")));
            }
        }
        return streams;
    }

    /** The start timecode from the container, the video stream or a timecode data stream. */
    Optional<String> timecode() {
        Optional<String> fromContainer = metadata(format.metadata(), "timecode");
        if (fromContainer.isPresent()) {
            return fromContainer;
        }
        for (int i = 0; i < format.nb_streams(); i++) {
            Optional<String> fromStream = metadata(format.streams(i).metadata(), "timecode");
            if (fromStream.isPresent()) {
                return fromStream;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> metadata(AVDictionary dictionary, String key) {
        if (dictionary == null || dictionary.isNull()) {
            return Optional.empty();
        }
        AVDictionaryEntry entry = av_dict_get(dictionary, key, null, 0);
        return entry == null || entry.isNull() ? Optional.empty() : Optional.of(FfmpegSupport.string(entry.value()));
    }

    /** The stream's exact frame rate, or empty when the file does not say. */
    Optional<Rational> declaredFrameRate() {
        AVRational[] candidates = {videoStream().avg_frame_rate(), videoStream().codecpar().framerate(), decoder.framerate(), videoStream().r_frame_rate()};
        for (AVRational rate : candidates) {
            if (rate != null && rate.num() > 0 && rate.den() > 0 && rate.num() <= 480L * rate.den()) {
                return Optional.of(new Rational(rate.num(), rate.den()));
            }
        }
        return Optional.empty();
    }

    /** Reads every packet of the file (no decoding) and indexes the video packets' timestamps; the input is then at its end. */
    PacketIndex scanPackets() throws MediaException {
        long[] pts = new long[1024];
        long[] keys = new long[64];
        int count = 0;
        int packetsIncludingDiscarded = 0;
        int keyCount = 0;
        boolean reliable = true;
        boolean truncated = false;
        long lastPts = Long.MIN_VALUE;
        long lastDuration = 0;
        boolean reordered = false;
        while (true) {
            int result = av_read_frame(format, packet);
            if (result < 0) {
                truncated = result != AVERROR_EOF;
                break;
            }
            try {
                if (packet.stream_index() != videoStream) {
                    continue;
                }
                packetsIncludingDiscarded++;
                if ((packet.flags() & FfmpegSupport.PACKET_FLAG_DISCARD) != 0) {
                    continue;
                }
                long timestamp = packet.pts();
                if (timestamp == AV_NOPTS_VALUE) {
                    reliable = false;
                    timestamp = packet.dts();
                }
                if (count == pts.length) {
                    pts = Arrays.copyOf(pts, count * 2);
                }
                pts[count++] = timestamp;
                reordered |= packet.pts() != AV_NOPTS_VALUE && packet.dts() != AV_NOPTS_VALUE && packet.pts() != packet.dts();
                if (timestamp != AV_NOPTS_VALUE && timestamp > lastPts) {
                    lastPts = timestamp;
                    lastDuration = packet.duration();
                }
                if ((packet.flags() & AV_PKT_FLAG_KEY) != 0) {
                    if (keyCount == keys.length) {
                        keys = Arrays.copyOf(keys, keyCount * 2);
                    }
                    keys[keyCount++] = timestamp;
                }
            } finally {
                av_packet_unref(packet);
            }
        }
        long[] sorted = Arrays.copyOf(pts, count);
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length && reliable; i++) {
            if (sorted[i] == sorted[i - 1]) {
                reliable = false;
            }
        }
        long[] sortedKeys = Arrays.copyOf(keys, keyCount);
        Arrays.sort(sortedKeys);
        long declared = videoStream().nb_frames();
        boolean countsSamples = containerName().startsWith("mov,mp4");
        if (countsSamples && declared > 0 && packetsIncludingDiscarded < declared) {
            truncated = true;
        }
        return new PacketIndex(sorted, sortedKeys, reliable && keyCount > 0, truncated, endOfLastFrame(sorted, lastPts, lastDuration, reordered));
    }

    /**
     * Where the last frame in display order ends. Its packet's duration counts only when packets are not reordered: with B-frames, MP4
     * and MOV store decode-time steps, which say nothing about how long a frame is shown. Otherwise the last frame lasts as long as
     * the step before it.
     */
    static long endOfLastFrame(long[] sortedPts, long lastPts, long lastDuration, boolean reordered) {
        if (lastPts == Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        if (!reordered && lastDuration > 0) {
            return lastPts + lastDuration;
        }
        int n = sortedPts.length;
        long step = n >= 2 ? sortedPts[n - 1] - sortedPts[n - 2] : 0;
        return lastPts + Math.max(1, step > 0 ? step : lastDuration);
    }

    /** Seeks so that decoding starts at the key frame at or before the given video timestamp. */
    void seekToKeyFrame(long keyPts) throws MediaException {
        int result = av_seek_frame(format, videoStream, keyPts, AVSEEK_FLAG_BACKWARD);
        if (result < 0) {
            throw new MediaException(file, "cannot seek (" + FfmpegSupport.errorText(result) + ")");
        }
        avcodec_flush_buffers(decoder);
        inputDrained = false;
    }

    /**
     * Decodes the next video frame into {@link #frame()}.
     *
     * @return false at the end of the stream
     */
    boolean decodeNext() throws MediaException {
        av_frame_unref(frame);
        while (true) {
            int result = avcodec_receive_frame(decoder, frame);
            if (result >= 0) {
                return true;
            }
            if (result == AVERROR_EOF) {
                return false;
            }
            if (inputDrained) {
                return false;
            }
            feedOnePacket();
        }
    }

    private void feedOnePacket() throws MediaException {
        while (true) {
            int result = av_read_frame(format, packet);
            if (result < 0) {
                inputDrained = true;
                avcodec_send_packet(decoder, null);
                return;
            }
            try {
                if (packet.stream_index() != videoStream) {
                    continue;
                }
                long pts = packet.pts();
                decoder.skip_frame(pts != AV_NOPTS_VALUE && pts < skipNonReferenceBelow ? AVDISCARD_NONREF : AVDISCARD_DEFAULT);
                int sent = avcodec_send_packet(decoder, packet);
                if (sent < 0 && sent != org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN()) {
                    // a damaged packet: the decoder skips it, as FFmpeg's tools do
                    continue;
                }
                return;
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    /**
     * Until changed, packets shown before {@code pts} that no other frame refers to are not decoded: nothing at or after {@code pts}
     * depends on them, so a run towards the frame at {@code pts} skips them; {@code Long.MIN_VALUE} decodes every packet.
     */
    void skipNonReferenceBelow(long pts) {
        skipNonReferenceBelow = pts;
    }

    /** The presentation timestamp of the frame last decoded. */
    long framePts() {
        long pts = frame.pts();
        return pts == AV_NOPTS_VALUE ? frame.best_effort_timestamp() : pts;
    }

    @Override
    public void close() {
        av_frame_free(frame);
        av_packet_free(packet);
        avcodec_free_context(decoder);
        avformat_close_input(format);
    }
}
