package dev.nitrate.engine.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_QSCALE;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT470BG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.FF_QP2LAMBDA;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * A film's proxy for the editor: every frame of the film at a display size, each coded on its own (Motion JPEG in NUT, one
 * frame per film frame), so that any frame decodes in one step whatever the film's group of pictures. The file carries a tag
 * naming the film it was made from ({@link #identityOf}); a proxy is read back with {@link Films#open}.
 */
public final class FilmProxy {

    /** The container of proxies. */
    public static final String CONTAINER = "nut";
    private static final String IDENTITY_KEY = "nitrate-proxy";
    /** JPEG quantiser scale: 2 is near lossless, 31 the coarsest. */
    private static final int QUALITY = 4;

    private FilmProxy() {}

    /**
     * Writes the proxy of a film: its frames in order, converted by {@link FilmReader#readForDisplay} to {@code size}. {@code stop}
     * is asked between frames (it may wait, to let other work go first); a proxy it stops is incomplete.
     *
     * @param identity the film's identity, stored in the proxy's tag
     * @return whether every frame was written (false: stopped)
     */
    public static boolean write(FilmReader film, Path file, DisplaySize size, String identity, BooleanSupplier stop) throws MediaException {
        Rational rate = film.info().frameRate();
        try (Encoder encoder = Encoder.create(file, size, rate, identity)) {
            for (long frame = 0; frame < film.info().frameCount(); frame++) {
                if (stop.getAsBoolean()) {
                    return false;
                }
                Optional<RgbPixels.Rgb8> picture = film.readForDisplay(frame, size.width(), size.height(), () -> false);
                if (picture.isEmpty() || picture.get().width() != size.width() || picture.get().height() != size.height()) {
                    throw new MediaException(film.info().source(), "frame " + frame + " does not decode at the proxy size " + size.width() + "x" + size.height());
                }
                encoder.write(picture.get(), frame);
            }
            encoder.finish();
            return true;
        }
    }

    /** The identity tag of a proxy file, or empty when the file is not a proxy or cannot be read. */
    public static Optional<String> identityOf(Path file) {
        try (FfmpegInput input = FfmpegInput.open(file)) {
            AVDictionary metadata = input.format().metadata();
            if (metadata == null || metadata.isNull()) {
                return Optional.empty();
            }
            AVDictionaryEntry entry = av_dict_get(metadata, IDENTITY_KEY, null, 0);
            return entry == null || entry.isNull() ? Optional.empty() : Optional.of(FfmpegSupport.string(entry.value()));
        } catch (MediaException e) {
            return Optional.empty();
        }
    }

    /** The single owner of the proxy's muxer, encoder, scaler, frame and packet. */
    private static final class Encoder implements AutoCloseable {

        private final Path file;
        private final AVFormatContext muxer;
        private final AVCodecContext encoder;
        private final AVStream stream;
        private final AVFrame yuv = av_frame_alloc();
        private final AVPacket packet = av_packet_alloc();
        private final SwsContext scaler;
        private final BytePointer rgb;
        private final int width;
        private final int height;

        private Encoder(Path file, AVFormatContext muxer, AVCodecContext encoder, AVStream stream, DisplaySize size) {
            this.file = file;
            this.muxer = muxer;
            this.encoder = encoder;
            this.stream = stream;
            this.width = size.width();
            this.height = size.height();
            yuv.format(AV_PIX_FMT_YUVJ420P);
            yuv.width(width);
            yuv.height(height);
            yuv.color_range(AVCOL_RANGE_JPEG);
            yuv.colorspace(AVCOL_SPC_BT470BG);
            av_frame_get_buffer(yuv, 32);
            scaler = sws_getContext(width, height, AV_PIX_FMT_RGB24, width, height, AV_PIX_FMT_YUVJ420P, SWS_BILINEAR, null, null,
                    (DoublePointer) null);
            IntPointer matrix = sws_getCoefficients(AVCOL_SPC_BT470BG);
            sws_setColorspaceDetails(scaler, matrix, 1, matrix, 1, 0, 1 << 16, 1 << 16);
            rgb = new BytePointer((long) width * height * 3);
        }

        static Encoder create(Path file, DisplaySize size, Rational rate, String identity) throws MediaException {
            FfmpegSupport.init();
            AVCodec codec = avcodec_find_encoder_by_name("mjpeg");
            if (codec == null || codec.isNull()) {
                throw new MediaException(file, "this FFmpeg build has no mjpeg encoder");
            }
            AVFormatContext muxer = new AVFormatContext(null);
            int result = avformat_alloc_output_context2(muxer, null, CONTAINER, file.toString());
            if (result < 0 || muxer.isNull()) {
                throw new MediaException(file, "cannot create a proxy file (" + FfmpegSupport.errorText(result) + ")");
            }
            AVCodecContext encoder = null;
            boolean handedOver = false;
            try {
                encoder = avcodec_alloc_context3(codec);
                encoder.width(size.width());
                encoder.height(size.height());
                encoder.pix_fmt(AV_PIX_FMT_YUVJ420P);
                encoder.color_range(AVCOL_RANGE_JPEG);
                encoder.colorspace(AVCOL_SPC_BT470BG);
                encoder.time_base(FfmpegSupport.rational(rate.denominator(), rate.numerator()));
                encoder.framerate(FfmpegSupport.rational(rate.numerator(), rate.denominator()));
                encoder.flags(encoder.flags() | AV_CODEC_FLAG_QSCALE);
                encoder.global_quality(FF_QP2LAMBDA * QUALITY);
                result = avcodec_open2(encoder, codec, (AVDictionary) null);
                if (result < 0) {
                    throw new MediaException(file, "cannot open the mjpeg encoder (" + FfmpegSupport.errorText(result) + ")");
                }
                AVStream stream = avformat_new_stream(muxer, null);
                avcodec_parameters_from_context(stream.codecpar(), encoder);
                stream.time_base(encoder.time_base());
                stream.avg_frame_rate(encoder.framerate());
                AVDictionary metadata = new AVDictionary(null);
                av_dict_set(metadata, IDENTITY_KEY, identity, 0);
                muxer.metadata(metadata);
                FfmpegSupport.openFile(file, muxer);
                Encoder created = new Encoder(file, muxer, encoder, stream, size);
                handedOver = true;
                return created;
            } finally {
                if (!handedOver) {
                    if (encoder != null) {
                        avcodec_free_context(encoder);
                    }
                    FfmpegSupport.freeMuxer(muxer);
                }
            }
        }

        void write(RgbPixels.Rgb8 picture, long index) throws MediaException {
            av_frame_make_writable(yuv);
            rgb.position(0).put(picture.rgb());
            try (PointerPointer<BytePointer> source = new PointerPointer<>(4);
                    IntPointer stride = new IntPointer(4)) {
                source.put(0, rgb.position(0));
                stride.put(0, width * 3);
                sws_scale(scaler, source, stride, 0, height, yuv.data(), yuv.linesize());
            }
            yuv.pts(index);
            yuv.duration(1);
            send(yuv);
        }

        void finish() throws MediaException {
            send(null);
            FfmpegSupport.finishFile(file, muxer);
        }

        private void send(AVFrame frameOrNull) throws MediaException {
            FfmpegSupport.encodeAndWrite(file, "the proxy encoder", encoder, packet, muxer, stream, frameOrNull);
        }

        @Override
        public void close() {
            FfmpegSupport.freeMuxer(muxer);
            avcodec_free_context(encoder);
            av_frame_free(yuv);
            av_packet_free(packet);
            sws_freeContext(scaler);
            rgb.close();
        }
    }
}
