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

    private static void fillPattern(org.bytedeco.ffmpeg.avutil.AVFrame frame, int planes, int bytesPerSample, int depth, int log2w, int log2h, int index) {
        int max = (1 << depth) - 1;
        for (int p = 0; p < planes; p++) {
            int planeWidth = p == 0 || planes == 1 ? frame.width() : -((-frame.width()) >> log2w);
            int planeHeight = p == 0 || planes == 1 ? frame.height() : -((-frame.height()) >> log2h);
            if (planes == 1) {
                planeWidth *= frame.linesize(0) / Math.max(1, frame.width() * bytesPerSample);
            }
            var data = frame.data(p);
            int stride = frame.linesize(p);
            for (int y = 0; y < planeHeight; y++) {
                for (int x = 0; x < planeWidth; x++) {
                    int value = p == 0 ? ((x + y + index * 5) * max / (planeWidth + planeHeight + 400)) & max : (max + 1) / 2;
                    if (bytesPerSample == 2) {
                        data.put((long) y * stride + 2L * x, (byte) value);
                        data.put((long) y * stride + 2L * x + 1, (byte) (value >> 8));
                    } else {
                        data.put((long) y * stride + x, (byte) value);
                    }
                }
            }
        }
    }

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

    /** A file's packets of one stream kind: presentation times in seconds and payload digests, in file order. */
    public record Packets(List<Double> seconds, List<String> digests) {}

    /** The packets of a file's first video ({@code video = true}) or audio stream. */
    public static Packets packets(Path file, boolean video) throws Exception {
        FfmpegSupport.init();
        AVFormatContext format = new AVFormatContext(null);
        if (avformat_open_input(format, file.toString(), null, (AVDictionary) null) < 0) {
            throw new IllegalStateException("cannot open " + file);
        }
        AVPacket packet = av_packet_alloc();
        try {
            avformat_find_stream_info(format, (AVDictionary) null);
            int wanted = video ? org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO : org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
            int stream = -1;
            for (int i = 0; i < format.nb_streams() && stream < 0; i++) {
                if (format.streams(i).codecpar().codec_type() == wanted) {
                    stream = i;
                }
            }
            List<Double> seconds = new ArrayList<>();
            List<String> digests = new ArrayList<>();
            var base = stream >= 0 ? format.streams(stream).time_base() : null;
            while (stream >= 0 && av_read_frame(format, packet) >= 0) {
                if (packet.stream_index() == stream) {
                    seconds.add(packet.pts() * (double) base.num() / base.den());
                    byte[] data = new byte[packet.size()];
                    packet.data().get(data);
                    digests.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
                }
                av_packet_unref(packet);
            }
            return new Packets(seconds, digests);
        } finally {
            av_packet_free(packet);
            avformat_close_input(format);
        }
    }

    /** The {@code timecode} tags of a file: {@code container=...} and {@code TYPE:CODEC=...} per stream that has one (a MOV tmcd track is {@code data:tmcd}). */
    public static List<String> timecodeTags(Path file) throws Exception {
        FfmpegSupport.init();
        AVFormatContext format = new AVFormatContext(null);
        if (avformat_open_input(format, file.toString(), null, (AVDictionary) null) < 0) {
            throw new IllegalStateException("cannot open " + file);
        }
        try {
            avformat_find_stream_info(format, (AVDictionary) null);
            List<String> tags = new ArrayList<>();
            var entry = org.bytedeco.ffmpeg.global.avutil.av_dict_get(format.metadata(), "timecode", null, 0);
            if (entry != null && !entry.isNull()) {
                tags.add("container=" + entry.value().getString());
            }
            for (int i = 0; i < format.nb_streams(); i++) {
                var stream = format.streams(i);
                entry = org.bytedeco.ffmpeg.global.avutil.av_dict_get(stream.metadata(), "timecode", null, 0);
                if (entry != null && !entry.isNull()) {
                    String type = FfmpegSupport.string(org.bytedeco.ffmpeg.global.avutil.av_get_media_type_string(stream.codecpar().codec_type()));
                    String codec = FfmpegSupport.string(org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name(stream.codecpar().codec_id()));
                    tags.add(type + ":" + codec + "=" + entry.value().getString());
                }
            }
            return tags;
        } finally {
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
                LumaPlane luma = reader.read(i).videoLuma().orElseThrow();
                int[] eightBit = luma.convertedTo(8, luma.fullRange());
                byte[] bytes = new byte[eightBit.length];
                for (int k = 0; k < bytes.length; k++) {
                    bytes[k] = (byte) eightBit[k];
                }
                frames.add(bytes);
            }
        }
        return frames;
    }

    /** Writes a NUT file of {@code frames} raw RGB frames of the given size (sizes no H.264 encoder accepts). */
    public static Path writeRawVideo(Path file, int width, int height, int frames) throws Exception {
        return writeEncodedVideo(file, "nut", "rawvideo", org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24, width, height, frames);
    }

    /**
     * Writes a video with any FFmpeg encoder; frame {@code i} has a diagonal ramp shifted by {@code i} in its first plane
     * and mid values in the others.
     */
    public static Path writeEncodedVideo(Path file, String container, String encoderName, int pixelFormat, int width, int height, int frames)
            throws Exception {
        return writeEncodedVideo(file, container, encoderName, pixelFormat, width, height, frames, null, 0, 1);
    }

    /** As above, with a start timecode and a field order. */
    public static Path writeEncodedVideo(Path file, String container, String encoderName, int pixelFormat, int width, int height, int frames,
            String timecode, int fieldOrder) throws Exception {
        return writeEncodedVideo(file, container, encoderName, pixelFormat, width, height, frames, timecode, fieldOrder, 1);
    }

    /**
     * As above, with a start timecode written into the container, a field order (0: unknown, 1: progressive, 2: top field
     * first) and frame {@code i} stamped at slot {@code i * slotsPerFrame} of the 25 fps grid (held frames when above 1).
     */
    public static Path writeEncodedVideo(Path file, String container, String encoderName, int pixelFormat, int width, int height, int frames,
            String timecode, int fieldOrder, int slotsPerFrame) throws Exception {
        long[] slots = new long[frames];
        for (int i = 0; i < frames; i++) {
            slots[i] = (long) i * slotsPerFrame;
        }
        return writeTimedVideo(file, container, encoderName, pixelFormat, width, height, new Rational(25, 1), slots, timecode, fieldOrder, 0);
    }

    /**
     * Writes a video whose frame {@code i} is stamped at {@code slots[i]} in units of {@code 1/rate}, with an optional start timecode
     * (container metadata), field order ({@code AVFieldOrder}) and, when {@code audioSampleRate > 0}, a mono PCM audio stream (a
     * sawtooth) that lasts until the end of the last frame.
     */
    public static Path writeTimedVideo(Path file, String container, String encoderName, int pixelFormat, int width, int height, Rational rate,
            long[] slots, String timecode, int fieldOrder, int audioSampleRate) throws Exception {
        int frames = slots.length;
        long lastStep = frames > 1 ? slots[frames - 1] - slots[frames - 2] : 1;
        FfmpegSupport.init();
        var codec = org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name(encoderName);
        if (codec == null || codec.isNull()) {
            throw new IllegalStateException("no encoder " + encoderName);
        }
        AVFormatContext muxer = new AVFormatContext(null);
        org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2(muxer, null, container, file.toString());
        var encoder = org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3(codec);
        encoder.width(width);
        encoder.height(height);
        encoder.pix_fmt(pixelFormat);
        encoder.time_base(FfmpegSupport.rational(rate.denominator(), rate.numerator()));
        encoder.framerate(FfmpegSupport.rational(rate.numerator(), rate.denominator()));
        encoder.field_order(fieldOrder);
        encoder.color_range(org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG);
        encoder.color_primaries(org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_BT709);
        encoder.color_trc(org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_BT709);
        encoder.colorspace(org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709);
        if (timecode != null) {
            AVDictionary metadata = new AVDictionary(null);
            org.bytedeco.ffmpeg.global.avutil.av_dict_set(metadata, "timecode", timecode, 0);
            muxer.metadata(metadata);
        }
        if ((muxer.oformat().flags() & org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER) != 0) {
            encoder.flags(encoder.flags() | org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        AVDictionary encoderOptions = new AVDictionary(null);
        if (encoderName.equals("libx264")) {
            VideoSegmentWriter.x264InstructionSets().ifPresent(sets -> org.bytedeco.ffmpeg.global.avutil.av_dict_set(encoderOptions, "x264-params", "asm=" + sets, 0));
        }
        int opened = org.bytedeco.ffmpeg.global.avcodec.avcodec_open2(encoder, codec, encoderOptions);
        org.bytedeco.ffmpeg.global.avutil.av_dict_free(encoderOptions);
        if (opened < 0) {
            throw new IllegalStateException(encoderName + " encoder: " + FfmpegSupport.errorText(opened));
        }
        var stream = org.bytedeco.ffmpeg.global.avformat.avformat_new_stream(muxer, null);
        org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context(stream.codecpar(), encoder);
        stream.time_base(encoder.time_base());
        stream.avg_frame_rate(encoder.framerate());
        org.bytedeco.ffmpeg.avformat.AVStream audio = null;
        if (audioSampleRate > 0) {
            audio = org.bytedeco.ffmpeg.global.avformat.avformat_new_stream(muxer, null);
            audio.codecpar().codec_type(org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO);
            audio.codecpar().codec_id(org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S16LE);
            audio.codecpar().sample_rate(audioSampleRate);
            audio.codecpar().format(org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16);
            org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default(audio.codecpar().ch_layout(), 1);
            audio.codecpar().bits_per_coded_sample(16);
            audio.codecpar().block_align(2);
            audio.time_base(FfmpegSupport.rational(1, audioSampleRate));
        }
        var io = new org.bytedeco.ffmpeg.avformat.AVIOContext(null);
        org.bytedeco.ffmpeg.global.avformat.avio_open(io, file.toString(), org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE);
        muxer.pb(io);
        org.bytedeco.ffmpeg.global.avformat.avformat_write_header(muxer, (AVDictionary) null);
        var frame = org.bytedeco.ffmpeg.global.avutil.av_frame_alloc();
        frame.format(pixelFormat);
        frame.width(width);
        frame.height(height);
        org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer(frame, 32);
        AVPacket packet = av_packet_alloc();
        var descriptor = org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get(pixelFormat);
        int bytesPerSample = descriptor.comp(0).depth() > 8 ? 2 : 1;
        int planes = org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_count_planes(pixelFormat);
        for (int i = 0; i <= frames; i++) {
            if (i == frames) {
                org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame(encoder, null);
            } else {
                org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable(frame);
                fillPattern(frame, planes, bytesPerSample, descriptor.comp(0).depth(), descriptor.log2_chroma_w(), descriptor.log2_chroma_h(), i);
                frame.pts(slots[i]);
                frame.duration(i + 1 < frames ? slots[i + 1] - slots[i] : lastStep);
                org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame(encoder, frame);
            }
            while (org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet(encoder, packet) >= 0) {
                packet.stream_index(0);
                if (packet.duration() == 0) {
                    packet.duration(1);
                }
                org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts(packet, encoder.time_base(), stream.time_base());
                org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame(muxer, packet);
            }
        }
        if (audio != null) {
            long samples = (slots[frames - 1] + lastStep) * audioSampleRate * rate.denominator() / rate.numerator();
            for (long start = 0; start < samples; start += 1024) {
                int count = (int) Math.min(1024, samples - start);
                AVPacket sound = av_packet_alloc();
                org.bytedeco.ffmpeg.global.avcodec.av_new_packet(sound, count * 2);
                for (int k = 0; k < count; k++) {
                    short value = (short) (((start + k) % 200) * 300 - 30000);
                    sound.data().put(2L * k, (byte) value);
                    sound.data().put(2L * k + 1, (byte) (value >> 8));
                }
                sound.stream_index(audio.index());
                sound.pts(start);
                sound.dts(start);
                sound.duration(count);
                sound.flags(org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY);
                org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts(sound, FfmpegSupport.rational(1, audioSampleRate), audio.time_base());
                org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame(muxer, sound);
                av_packet_free(sound);
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
