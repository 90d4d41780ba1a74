package dev.nitrate.engine.video;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB48BE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB48LE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/** Writes single frames as PNG or 16-bit TIFF files with FFmpeg's encoders. */
public final class ImageFileWriter {

    private ImageFileWriter() {}

    /**
     * Encodes the frame and writes it under {@code file}, atomically: a temporary file in the same
     * folder, then a rename, so a frame file is either complete or absent.
     */
    public static void write(RgbPixels pixels, ImageFormat format, Path file) throws MediaException {
        byte[] encoded = encode(pixels, format, file);
        Path temporary = file.resolveSibling("." + file.getFileName() + ".part");
        try {
            Files.write(temporary, encoded);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            throw new MediaException(file, "cannot write (" + ioProblem(e) + ")");
        }
    }

    static String ioProblem(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("No space left")) {
            return "no space left on device";
        }
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied" : message;
    }

    /** The encoded file's bytes. */
    public static byte[] encode(RgbPixels pixels, ImageFormat format, Path forMessages) throws MediaException {
        FfmpegSupport.init();
        boolean sixteen = format == ImageFormat.TIFF || pixels.bits() == 16;
        int pixelFormat = format == ImageFormat.TIFF ? AV_PIX_FMT_RGB48LE : (sixteen ? AV_PIX_FMT_RGB48BE : AV_PIX_FMT_RGB24);
        String encoderName = format == ImageFormat.PNG ? "png" : "tiff";
        AVCodec codec = avcodec_find_encoder_by_name(encoderName);
        if (codec == null || codec.isNull()) {
            throw new MediaException(forMessages, "this FFmpeg build has no " + encoderName + " encoder");
        }
        AVCodecContext encoder = avcodec_alloc_context3(codec);
        AVFrame frame = av_frame_alloc();
        AVPacket packet = av_packet_alloc();
        AVDictionary options = new AVDictionary(null);
        try {
            encoder.width(pixels.width());
            encoder.height(pixels.height());
            encoder.pix_fmt(pixelFormat);
            encoder.time_base(FfmpegSupport.rational(1, 25));
            if (format == ImageFormat.TIFF) {
                av_dict_set(options, "compression_algo", "deflate", 0);
            }
            int result = avcodec_open2(encoder, codec, options);
            if (result < 0) {
                throw new MediaException(forMessages, "cannot open the " + encoderName + " encoder (" + FfmpegSupport.errorText(result) + ")");
            }
            frame.format(pixelFormat);
            frame.width(pixels.width());
            frame.height(pixels.height());
            av_frame_get_buffer(frame, 32);
            fill(frame, pixels, sixteen, pixelFormat == AV_PIX_FMT_RGB48BE ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            frame.pts(0);
            avcodec_send_frame(encoder, frame);
            avcodec_send_frame(encoder, null);
            result = avcodec_receive_packet(encoder, packet);
            if (result < 0) {
                throw new MediaException(forMessages, "cannot encode the image (" + FfmpegSupport.errorText(result) + ")");
            }
            byte[] bytes = new byte[packet.size()];
            packet.data().get(bytes);
            return bytes;
        } finally {
            av_dict_free(options);
            av_packet_free(packet);
            av_frame_free(frame);
            avcodec_free_context(encoder);
        }
    }

    private static void fill(AVFrame frame, RgbPixels pixels, boolean sixteen, ByteOrder order) {
        int width = pixels.width();
        int rowBytes = width * (sixteen ? 6 : 3);
        BytePointer plane = frame.data(0);
        int stride = frame.linesize(0);
        if (sixteen) {
            short[] rgb = pixels.toRgb16();
            ByteBuffer row = ByteBuffer.allocate(rowBytes).order(order);
            for (int y = 0; y < pixels.height(); y++) {
                row.clear();
                row.asShortBuffer().put(rgb, y * width * 3, width * 3);
                plane.position((long) y * stride).put(row.array(), 0, rowBytes);
            }
        } else {
            byte[] rgb = pixels.toRgb8();
            for (int y = 0; y < pixels.height(); y++) {
                plane.position((long) y * stride).put(rgb, y * rowBytes, rowBytes);
            }
        }
        plane.position(0);
    }
}
