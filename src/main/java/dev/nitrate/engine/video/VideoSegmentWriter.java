package dev.nitrate.engine.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avutil.AV_CPU_FLAG_AVX2;
import static org.bytedeco.ffmpeg.global.avutil.AV_CPU_FLAG_AVX512;
import static org.bytedeco.ffmpeg.global.avutil.AV_CPU_FLAG_BMI2;
import static org.bytedeco.ffmpeg.global.avutil.AV_CPU_FLAG_FMA3;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB48LE;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_get_cpu_flags;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BITEXACT;
import static org.bytedeco.ffmpeg.global.swscale.SWS_FULL_CHR_H_INP;
import static org.bytedeco.ffmpeg.global.swscale.SWS_POINT;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Encodes frames to one video file in a container chosen by format name: H.264 or H.265 as {@code yuv420p} (8 bits) or
 * {@code yuv420p10le}, FFV1 as {@code yuv444p} or RGB ({@code bgr0}, {@code gbrp10le} to {@code gbrp16le}) at 8 to 16
 * bits, tagged with the source's colour description ({@link VideoEncodeSettings#outputTags()}). The render job writes its spool segments with it. The single owner of its
 * encoder, muxer, scaler and frame; a file not {@link #finish() finished} is incomplete.
 */
public final class VideoSegmentWriter implements AutoCloseable {

    /** The container of spool segments: NUT keeps the exact frame-rate time base and both timestamps of every packet. */
    public static final String SEGMENT_CONTAINER = "nut";

    private final Path file;
    private final VideoEncodeSettings settings;
    private final AVFormatContext muxer;
    private final AVCodecContext encoder;
    private final AVStream stream;
    private final AVFrame yuv;
    private final AVPacket packet;
    private final int pixelFormat;
    private final ColourTags tags;
    private SwsContext scaler;
    private int scalerInputFormat = -1;
    private BytePointer rgbBuffer;
    private long framesWritten;
    private boolean finished;

    private VideoSegmentWriter(Path file, VideoEncodeSettings settings, AVFormatContext muxer, AVCodecContext encoder, AVStream stream) {
        this.file = file;
        this.settings = settings;
        this.muxer = muxer;
        this.encoder = encoder;
        this.stream = stream;
        this.yuv = av_frame_alloc();
        this.packet = av_packet_alloc();
        this.pixelFormat = pixelFormat(settings);
        this.tags = settings.outputTags();
        yuv.format(pixelFormat);
        yuv.width(settings.width());
        yuv.height(settings.height());
        yuv.color_range(tags.range());
        yuv.color_primaries(tags.primaries());
        yuv.color_trc(tags.transfer());
        yuv.colorspace(tags.matrix());
        av_frame_get_buffer(yuv, 32);
        FieldOrder fieldOrder = FieldOrder.fromFfmpeg(encoder.field_order());
        if (fieldOrder.isInterlaced()) {
            yuv.flags(yuv.flags() | FfmpegSupport.FRAME_FLAG_INTERLACED | (fieldOrder == FieldOrder.TOP_FIRST ? FfmpegSupport.FRAME_FLAG_TOP_FIELD_FIRST : 0));
        }
    }

    /** The pixel format the encoder is fed, e.g. {@code yuv420p10le}. */
    static int pixelFormat(VideoEncodeSettings settings) {
        if (settings.storesRgb() && settings.bitDepth() == 8) {
            return av_get_pix_fmt("bgr0");
        }
        String depth = settings.bitDepth() == 8 ? "" : settings.bitDepth() + "le";
        String layout = settings.storesRgb() ? "gbrp" : settings.codec() == VideoCodec.FFV1 ? "yuv444p" : "yuv420p";
        return av_get_pix_fmt(layout + depth);
    }

    /**
     * Creates the file and writes its header.
     *
     * @param containerFormat FFmpeg's muxer name, e.g. {@link #SEGMENT_CONTAINER} or {@code mp4}
     */
    public static VideoSegmentWriter create(Path file, String containerFormat, VideoEncodeSettings settings) throws MediaException {
        return create(file, containerFormat, settings, FieldOrder.UNKNOWN);
    }

    /** As {@link #create(Path, String, VideoEncodeSettings)}, flagging the field order; H.264 is then coded interlaced (MBAFF). */
    public static VideoSegmentWriter create(Path file, String containerFormat, VideoEncodeSettings settings, FieldOrder fieldOrder) throws MediaException {
        FfmpegSupport.init();
        AVCodec codec = avcodec_find_encoder_by_name(settings.codec().encoderName());
        if (codec == null || codec.isNull()) {
            throw new MediaException(file, "this FFmpeg build has no " + settings.codec().encoderName() + " encoder");
        }
        AVFormatContext muxer = new AVFormatContext(null);
        int result = avformat_alloc_output_context2(muxer, null, containerFormat, file.toString());
        if (result < 0 || muxer.isNull()) {
            throw new MediaException(file, "cannot create a " + containerFormat + " file (" + FfmpegSupport.errorText(result) + ")");
        }
        AVCodecContext encoder = null;
        boolean handedOver = false;
        AVDictionary options = new AVDictionary(null);
        try {
            encoder = avcodec_alloc_context3(codec);
            encoder.width(settings.width());
            encoder.height(settings.height());
            encoder.pix_fmt(pixelFormat(settings));
            encoder.time_base(FfmpegSupport.rational(settings.frameRate().denominator(), settings.frameRate().numerator()));
            encoder.framerate(FfmpegSupport.rational(settings.frameRate().numerator(), settings.frameRate().denominator()));
            ColourTags tags = settings.outputTags();
            encoder.color_range(tags.range());
            encoder.colorspace(tags.matrix());
            encoder.color_primaries(tags.primaries());
            encoder.color_trc(tags.transfer());
            encoder.field_order(fieldOrder.ffmpegValue());
            if (fieldOrder.isInterlaced() && settings.codec() == VideoCodec.H264) {
                encoder.flags(encoder.flags() | org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_INTERLACED_DCT);
            }
            if ((muxer.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
                encoder.flags(encoder.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            switch (settings.codec()) {
                case FFV1 -> {
                    encoder.gop_size(1);
                    encoder.thread_count(1);
                    av_dict_set(options, "level", "3", 0);
                    av_dict_set(options, "slicecrc", "1", 0);
                }
                case H264 -> {
                    av_dict_set(options, "preset", settings.preset(), 0);
                    av_dict_set(options, settings.lossless() ? "qp" : "crf", settings.lossless() ? "0" : Integer.toString(settings.crf()), 0);
                    x264InstructionSets().ifPresent(sets -> av_dict_set(options, "x264-params", "asm=" + sets, 0));
                }
                case H265 -> {
                    av_dict_set(options, "preset", settings.preset(), 0);
                    av_dict_set(options, "x265-params", settings.lossless() ? "log-level=none:lossless=1" : "log-level=none", 0);
                    if (!settings.lossless()) {
                        av_dict_set(options, "crf", Integer.toString(settings.crf()), 0);
                    }
                }
            }
            result = avcodec_open2(encoder, codec, options);
            if (result < 0) {
                throw new MediaException(file, "cannot open the " + settings.codec().encoderName() + " encoder (" + FfmpegSupport.errorText(result) + ")");
            }
            AVStream stream = avformat_new_stream(muxer, null);
            avcodec_parameters_from_context(stream.codecpar(), encoder);
            if (containerFormat.equals(SEGMENT_CONTAINER)) {
                AVDictionary metadata = new AVDictionary(null);
                av_dict_set(metadata, ColourTags.METADATA_KEY, tags.toMetadata(), 0);
                stream.metadata(metadata);
            }
            stream.time_base(encoder.time_base());
            stream.avg_frame_rate(encoder.framerate());
            FfmpegSupport.openFile(file, muxer);
            VideoSegmentWriter writer = new VideoSegmentWriter(file, settings, muxer, encoder, stream);
            handedOver = true;
            return writer;
        } finally {
            av_dict_free(options);
            if (!handedOver) {
                if (encoder != null) {
                    avcodec_free_context(encoder);
                }
                FfmpegSupport.freeMuxer(muxer);
            }
        }
    }

    /**
     * The instruction sets x264 may use, when its own choice would make the output vary from run to run: x264's
     * AVX-512 macroblock-tree propagation works on groups of 8 macroblocks and, for a row that is not a multiple
     * of 8 long, also spreads values it reads past the row, from memory it never wrote, so identical frames can
     * encode differently. Limited to AVX2 (the code a machine without AVX-512 runs), x264 repeats itself exactly.
     */
    static Optional<String> x264InstructionSets() {
        String architecture = System.getProperty("os.arch");
        int flags = av_get_cpu_flags();
        int avx2Level = AV_CPU_FLAG_AVX2 | AV_CPU_FLAG_FMA3 | AV_CPU_FLAG_BMI2;
        boolean x86 = architecture.equals("amd64") || architecture.equals("x86_64");
        if (x86 && (flags & AV_CPU_FLAG_AVX512) != 0 && (flags & avx2Level) == avx2Level) {
            return Optional.of("AVX2");
        }
        return Optional.empty();
    }

    /** Encodes the next frame. */
    public void write(OutputFrame frame) throws MediaException {
        RgbPixels colour = frame.colour();
        if (colour.width() != settings.width() || colour.height() != settings.height()) {
            throw new IllegalArgumentException("frame is " + colour.width() + "x" + colour.height() + ", the video " + settings.width() + "x" + settings.height());
        }
        av_frame_make_writable(yuv);
        convertToYuv(colour);
        frame.lumaOverride().ifPresent(this::overwriteLuma);
        yuv.pts(framesWritten++);
        yuv.duration(1);
        send(yuv);
    }

    private void convertToYuv(RgbPixels colour) {
        int width = colour.width();
        int height = colour.height();
        int inputFormat = colour.bits() == 16 ? AV_PIX_FMT_RGB48LE : AV_PIX_FMT_RGB24;
        int stride = width * (colour.bits() == 16 ? 6 : 3);
        if (scaler == null || inputFormat != scalerInputFormat) {
            if (scaler != null) {
                sws_freeContext(scaler);
                rgbBuffer.close();
            }
            scaler = sws_getContext(width, height, inputFormat, width, height, pixelFormat,
                    SWS_POINT | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INP | SWS_BITEXACT, null, null, (DoublePointer) null);
            if (!settings.storesRgb()) {
                IntPointer matrix = sws_getCoefficients(tags.matrix());
                sws_setColorspaceDetails(scaler, matrix, 1, matrix, tags.isFullRange() ? 1 : 0, 0, 1 << 16, 1 << 16);
            }
            scalerInputFormat = inputFormat;
            rgbBuffer = new BytePointer((long) stride * height);
        }
        if (colour instanceof RgbPixels.Rgb16 sixteen) {
            rgbBuffer.position(0).limit((long) stride * height).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(sixteen.rgb());
        } else {
            rgbBuffer.position(0).put(((RgbPixels.Rgb8) colour).rgb());
        }
        try (PointerPointer<BytePointer> source = new PointerPointer<>(4);
                IntPointer sourceStride = new IntPointer(4)) {
            source.put(0, rgbBuffer.position(0));
            sourceStride.put(0, stride);
            sws_scale(scaler, source, sourceStride, 0, height, yuv.data(), yuv.linesize());
        }
    }

    private void overwriteLuma(LumaPlane luma) {
        if (settings.storesRgb()) {
            return;
        }
        int[] samples = luma.convertedTo(settings.bitDepth(), tags.isFullRange());
        BytePointer plane = yuv.data(0);
        int stride = yuv.linesize(0);
        int width = settings.width();
        boolean wide = settings.bitDepth() > 8;
        byte[] row = new byte[width * (wide ? 2 : 1)];
        for (int y = 0; y < settings.height(); y++) {
            for (int x = 0; x < width; x++) {
                int value = samples[y * width + x];
                if (wide) {
                    row[2 * x] = (byte) value;
                    row[2 * x + 1] = (byte) (value >> 8);
                } else {
                    row[x] = (byte) value;
                }
            }
            plane.position((long) y * stride).put(row);
        }
        plane.position(0);
    }

    private void send(AVFrame frameOrNull) throws MediaException {
        FfmpegSupport.encodeAndWrite(file, "the encoder", encoder, packet, muxer, stream, frameOrNull);
    }

    /** Flushes the encoder, writes the trailer and closes the file; errors such as a full disk surface here at the latest. */
    public void finish() throws MediaException {
        if (finished) {
            return;
        }
        send(null);
        FfmpegSupport.finishFile(file, muxer);
        finished = true;
    }

    /** Frames written so far. */
    public long framesWritten() {
        return framesWritten;
    }

    @Override
    public void close() {
        if (scaler != null) {
            sws_freeContext(scaler);
            rgbBuffer.close();
        }
        av_frame_free(yuv);
        av_packet_free(packet);
        avcodec_free_context(encoder);
        FfmpegSupport.freeMuxer(muxer);
    }
}
