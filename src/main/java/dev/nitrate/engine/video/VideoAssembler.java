package dev.nitrate.engine.video;

import static org.bytedeco.ffmpeg.avformat.AVFormatContext.AVFMT_FLAG_BITEXACT;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_query_codec;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Joins encoded video segments into one file by copying their packets (no re-encoding), copies the
 * film's audio streams unchanged beside them, then reopens the result to verify codec and frame count.
 */
public final class VideoAssembler {

    private VideoAssembler() {}

    /**
     * Writes {@code output} from the segments, in order.
     *
     * @param segments segment files written by {@link VideoSegmentWriter}, each with {@code framesPerSegment[i]} frames
     * @param containerFormat FFmpeg's muxer name for the output, e.g. {@code mp4}
     * @param expectedCodec the codec the segments hold; the result is verified to hold it too
     * @param frameRate the video's exact frame rate
     * @param audio audio streams to copy, if any
     * @return what the written file is, as read back
     */
    public static FilmInfo assemble(List<Path> segments, long[] framesPerSegment, Path output, String containerFormat,
            VideoCodec expectedCodec, Rational frameRate, Optional<AudioSource> audio) throws MediaException {
        return assemble(segments, framesPerSegment, output, containerFormat, expectedCodec, frameRate, audio, VideoMetadata.none());
    }

    /**
     * As {@link #assemble(List, long[], Path, String, VideoCodec, Rational, Optional)}, also writing the source's timecode and field
     * order and, at a variable frame rate, giving every frame its source timestamp instead of a place on the constant-rate grid.
     */
    public static FilmInfo assemble(List<Path> segments, long[] framesPerSegment, Path output, String containerFormat,
            VideoCodec expectedCodec, Rational frameRate, Optional<AudioSource> audio, VideoMetadata metadata) throws MediaException {
        FfmpegSupport.init();
        AVFormatContext muxer = new AVFormatContext(null);
        int result = avformat_alloc_output_context2(muxer, null, containerFormat, output.toString());
        if (result < 0 || muxer.isNull()) {
            throw new MediaException(output, "cannot create a " + containerFormat + " file (" + FfmpegSupport.errorText(result) + ")");
        }
        if (containerFormat.equals("matroska")) {
            // Matroska draws random segment and track ids unless bit-exact; MOV and MP4 repeat
            // themselves as they are, and bit-exact changes what they store (a VFR MP4's duration)
            muxer.flags(muxer.flags() | AVFMT_FLAG_BITEXACT);
        }
        AVFormatContext audioInput = null;
        AVPacket videoPacket = av_packet_alloc();
        AVPacket audioPacket = av_packet_alloc();
        long expectedFrames = 0;
        try {
            long totalFrames = java.util.Arrays.stream(framesPerSegment).sum();
            Clock clock = metadata.frameTimes().map(times -> Clock.of(times, totalFrames, output)).orElse(Clock.constant(frameRate));
            AVRational frameTime = FfmpegSupport.rational(clock.timeBase().numerator(), clock.timeBase().denominator());
            AVStream videoOut = avformat_new_stream(muxer, null);
            try (FfmpegInput first = FfmpegInput.open(segments.get(0))) {
                avcodec_parameters_copy(videoOut.codecpar(), first.videoStream().codecpar());
            }
            videoOut.codecpar().codec_tag(0);
            videoOut.codecpar().field_order(metadata.fieldOrder().ffmpegValue());
            videoOut.time_base(frameTime);
            videoOut.avg_frame_rate(FfmpegSupport.rational(frameRate.numerator(), frameRate.denominator()));
            if (metadata.timecode().isPresent()) {
                AVDictionary tags = new AVDictionary(null);
                org.bytedeco.ffmpeg.global.avutil.av_dict_set(tags, "timecode", metadata.timecode().get(), 0);
                videoOut.metadata(tags);
            }
            if (!metadata.containerTags().isEmpty()) {
                AVDictionary fileTags = new AVDictionary(null);
                metadata.containerTags().forEach((key, value) -> org.bytedeco.ffmpeg.global.avutil.av_dict_set(fileTags, key, value, 0));
                muxer.metadata(fileTags);
            }
            Map<Integer, AVStream> audioOut = new HashMap<>();
            long audioShift = 0;
            if (audio.isPresent() && !audio.get().streamIndexes().isEmpty()) {
                AudioSource source = audio.get();
                audioInput = new AVFormatContext(null);
                result = avformat_open_input(audioInput, source.film().toString(), null, (AVDictionary) null);
                if (result < 0) {
                    audioInput = null;
                    throw new MediaException(source.film(), "cannot reopen for its audio (" + FfmpegSupport.errorText(result) + ")");
                }
                avformat_find_stream_info(audioInput, (AVDictionary) null);
                for (int index : source.streamIndexes()) {
                    AVStream in = audioInput.streams(index);
                    if (avformat_query_codec(muxer.oformat(), in.codecpar().codec_id(), 0) != 1) {
                        throw new MediaException(output, "audio codec '" + FfmpegSupport.string(avcodec_get_name(in.codecpar().codec_id()))
                                + "' cannot be stored in a " + containerFormat + " file (choose .mkv or .mov)");
                    }
                    AVStream out = avformat_new_stream(muxer, null);
                    avcodec_parameters_copy(out.codecpar(), in.codecpar());
                    out.codecpar().codec_tag(0);
                    out.time_base(in.time_base());
                    out.disposition(in.disposition());
                    AVDictionary audioTags = new AVDictionary(null);
                    org.bytedeco.ffmpeg.global.avutil.av_dict_copy(audioTags, in.metadata(), 0);
                    out.metadata(audioTags);
                    audioOut.put(index, out);
                }
            }
            AVDictionary headerOptions = new AVDictionary(null);
            if (!metadata.containerTags().isEmpty() && !containerFormat.equals("matroska")) {
                // MOV and MP4 store only the tags they know unless asked to keep any key
                org.bytedeco.ffmpeg.global.avutil.av_dict_set(headerOptions, "movflags", "use_metadata_tags", 0);
            }
            try {
                FfmpegSupport.openFile(output, muxer, headerOptions);
            } finally {
                org.bytedeco.ffmpeg.global.avutil.av_dict_free(headerOptions);
            }
            double filmStart = 0;
            if (audioInput != null) {
                int video = findVideoStream(audioInput);
                if (video >= 0 && audioInput.streams(video).start_time() != AV_NOPTS_VALUE) {
                    AVRational base = audioInput.streams(video).time_base();
                    filmStart = audioInput.streams(video).start_time() * (double) base.num() / base.den();
                }
            }
            AudioCursor audioCursor = audioInput == null ? null
                    : new AudioCursor(audioInput, audioPacket, audioOut, filmStart + audio.get().startSeconds(), filmStart + audio.get().endSeconds());
            List<long[]> framePts = new java.util.ArrayList<>();
            long reorderDelay = 0;
            for (int s = 0; s < segments.size(); s++) {
                long[] pts = segmentFramePts(segments.get(s), frameRate);
                if (pts.length != framesPerSegment[s]) {
                    throw new MediaException(segments.get(s), "segment holds " + pts.length + " frames instead of " + framesPerSegment[s]);
                }
                for (int k = 0; k < pts.length; k++) {
                    reorderDelay = Math.max(reorderDelay, k - pts[k]);
                }
                framePts.add(pts);
            }
            for (int s = 0; s < segments.size(); s++) {
                long[] pts = framePts.get(s);
                int k = 0;
                try (FfmpegInput segment = FfmpegInput.open(segments.get(s))) {
                    while (av_read_frame(segment.format(), videoPacket) >= 0) {
                        if (videoPacket.stream_index() != segment.videoStreamIndex()) {
                            av_packet_unref(videoPacket);
                            continue;
                        }
                        long displayFrame = expectedFrames + pts[k];
                        long dts = clock.tick(expectedFrames + k - reorderDelay);
                        if (audioCursor != null) {
                            audioCursor.writeUntil(muxer, clock.seconds(dts), output);
                        }
                        videoPacket.pts(clock.tick(displayFrame));
                        videoPacket.dts(dts);
                        videoPacket.duration(clock.tick(displayFrame + 1) - clock.tick(displayFrame));
                        videoPacket.pos(-1);
                        videoPacket.stream_index(videoOut.index());
                        av_packet_rescale_ts(videoPacket, frameTime, videoOut.time_base());
                        result = av_interleaved_write_frame(muxer, videoPacket);
                        if (result < 0) {
                            throw new MediaException(output, "cannot write (" + FfmpegSupport.errorText(result) + ")");
                        }
                        k++;
                    }
                }
                expectedFrames += framesPerSegment[s];
            }
            if (audioCursor != null) {
                audioCursor.writeUntil(muxer, Double.POSITIVE_INFINITY, output);
            }
            FfmpegSupport.finishFile(output, muxer);
        } finally {
            av_packet_free(videoPacket);
            av_packet_free(audioPacket);
            if (audioInput != null) {
                avformat_close_input(audioInput);
            }
            FfmpegSupport.freeMuxer(muxer);
        }
        FilmInfo written = VideoFileReader.open(output, FilmOpenOptions.defaults()).closeAndDescribe();
        if (!written.codec().equals(expectedCodec.codecName())) {
            throw new MediaException(output, "was written with codec '" + written.codec() + "' instead of '" + expectedCodec.codecName() + "'");
        }
        if (written.frameCount() != expectedFrames) {
            throw new MediaException(output, "holds " + written.frameCount() + " frames instead of " + expectedFrames);
        }
        return written;
    }

    /**
     * Where output frames fall in time: on the constant-rate grid (one tick per frame) or at given timestamps. Frame numbers before 0
     * (decode timestamps of reordered frames) fall one tick apart before the first frame; those past the end, after it.
     */
    private record Clock(Rational timeBase, long[] pts, long endPts) {

        static Clock constant(Rational frameRate) {
            return new Clock(new Rational(frameRate.denominator(), frameRate.numerator()), null, 0);
        }

        static Clock of(FrameTimes times, long frames, Path output) {
            if (times.frameCount() != frames) {
                throw new IllegalArgumentException(output + ": " + times.frameCount() + " frame timestamps for " + frames + " frames");
            }
            return new Clock(times.timeBase(), times.pts(), times.endPts());
        }

        long tick(long frame) {
            if (pts == null) {
                return frame;
            }
            if (frame < 0) {
                return pts[0] + frame;
            }
            return frame < pts.length ? pts[(int) frame] : endPts + (frame - pts.length);
        }

        double seconds(long tick) {
            return tick * (double) timeBase.numerator() / timeBase.denominator();
        }
    }

    private static int findVideoStream(AVFormatContext format) {
        for (int i = 0; i < format.nb_streams(); i++) {
            if (format.streams(i).codecpar().codec_type() == org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The display position (frame number within the segment) of each video packet, in decode order. Containers
     * may shift timestamps and leave decode timestamps out, so positions are taken relative to the earliest
     * presentation timestamp; decode timestamps are then rebuilt from the packet order.
     */
    private static long[] segmentFramePts(Path segment, Rational frameRate) throws MediaException {
        try (FfmpegInput input = FfmpegInput.open(segment)) {
            AVRational base = input.videoStream().time_base();
            long[] raw = new long[64];
            int count = 0;
            AVPacket packet = av_packet_alloc();
            try {
                while (av_read_frame(input.format(), packet) >= 0) {
                    if (packet.stream_index() == input.videoStreamIndex()) {
                        if (packet.pts() == AV_NOPTS_VALUE) {
                            throw new MediaException(segment, "a packet has no timestamp");
                        }
                        if (count == raw.length) {
                            raw = java.util.Arrays.copyOf(raw, count * 2);
                        }
                        raw[count++] = packet.pts();
                    }
                    av_packet_unref(packet);
                }
            } finally {
                av_packet_free(packet);
            }
            long[] frames = java.util.Arrays.copyOf(raw, count);
            long first = java.util.Arrays.stream(frames).min().orElse(0);
            for (int i = 0; i < count; i++) {
                frames[i] = Math.round((frames[i] - first) * (double) base.num() * frameRate.numerator() / ((double) base.den() * frameRate.denominator()));
            }
            return frames;
        }
    }

    /** Walks the audio packets of the source in file order, writing those inside the output's time span. */
    private static final class AudioCursor {
        private final AVFormatContext input;
        private final AVPacket packet;
        private final Map<Integer, AVStream> outputs;
        private final double startSeconds;
        private final double endSeconds;
        private boolean pending;
        private boolean exhausted;

        AudioCursor(AVFormatContext input, AVPacket packet, Map<Integer, AVStream> outputs, double startSeconds, double endSeconds) {
            this.input = input;
            this.packet = packet;
            this.outputs = outputs;
            this.startSeconds = startSeconds;
            this.endSeconds = endSeconds;
        }

        void writeUntil(AVFormatContext muxer, double outputSeconds, Path output) throws MediaException {
            while (!exhausted) {
                if (!pending) {
                    if (av_read_frame(input, packet) < 0) {
                        exhausted = true;
                        return;
                    }
                    if (!outputs.containsKey(packet.stream_index())) {
                        av_packet_unref(packet);
                        continue;
                    }
                    pending = true;
                }
                AVStream in = input.streams(packet.stream_index());
                AVRational base = in.time_base();
                long timestamp = packet.dts() != AV_NOPTS_VALUE ? packet.dts() : packet.pts();
                double sourceSeconds = timestamp == AV_NOPTS_VALUE ? startSeconds : timestamp * (double) base.num() / base.den();
                if (sourceSeconds - startSeconds > outputSeconds) {
                    return;
                }
                pending = false;
                if (sourceSeconds >= endSeconds || (Double.isFinite(endSeconds) && sourceSeconds < startSeconds)) {
                    av_packet_unref(packet);
                    continue;
                }
                long shift = Math.round(startSeconds * base.den() / base.num());
                if (packet.pts() != AV_NOPTS_VALUE) {
                    packet.pts(packet.pts() - shift);
                }
                if (packet.dts() != AV_NOPTS_VALUE) {
                    packet.dts(packet.dts() - shift);
                }
                packet.pos(-1);
                AVStream out = outputs.get(packet.stream_index());
                packet.stream_index(out.index());
                av_packet_rescale_ts(packet, base, out.time_base());
                int result = av_interleaved_write_frame(muxer, packet);
                if (result < 0) {
                    throw new MediaException(output, "cannot write audio (" + FfmpegSupport.errorText(result) + ")");
                }
            }
        }
    }
}
