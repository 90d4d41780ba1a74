package dev.nitrate.engine.video;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Converts decoded frames to 8-bit RGB at a display size in one swscale pass (area average when smaller), skipping
 * the full-size exact RGB copy a colorizer needs. Owns its scaler context and buffer.
 */
final class DisplayScaler implements AutoCloseable {

    private SwsContext context;
    private BytePointer buffer;
    private int format = -1;
    private int width;
    private int height;
    private int range = -1;
    private int matrix = -1;
    private DisplaySize size;

    RgbPixels.Rgb8 convert(AVFrame frame, DisplaySize target) {
        prepare(frame, target);
        try (PointerPointer<BytePointer> dst = new PointerPointer<>(4);
                IntPointer dstStride = new IntPointer(4)) {
            dst.put(0, buffer);
            dstStride.put(0, target.width() * 3);
            sws_scale(context, frame.data(), frame.linesize(), 0, frame.height(), dst, dstStride);
        }
        byte[] rgb = new byte[target.width() * target.height() * 3];
        buffer.position(0).get(rgb);
        return new RgbPixels.Rgb8(target.width(), target.height(), rgb);
    }

    private void prepare(AVFrame frame, DisplaySize target) {
        if (context != null && frame.format() == format && frame.width() == width && frame.height() == height
                && frame.color_range() == range && frame.colorspace() == matrix && target.equals(size)) {
            return;
        }
        close();
        format = frame.format();
        width = frame.width();
        height = frame.height();
        range = frame.color_range();
        matrix = frame.colorspace();
        size = target;
        context = sws_getContext(width, height, format, target.width(), target.height(), AV_PIX_FMT_RGB24, SWS_AREA, null, null,
                (DoublePointer) null);
        if (context == null || context.isNull()) {
            throw new IllegalStateException("FFmpeg cannot convert " + FfmpegSupport.pixelFormatName(format) + " to RGB for display");
        }
        boolean fullRange = range == AVCOL_RANGE_JPEG || FfmpegSupport.pixelFormatName(format).startsWith("yuvj");
        IntPointer coefficients = sws_getCoefficients(matrix);
        sws_setColorspaceDetails(context, coefficients, fullRange ? 1 : 0, coefficients, 1, 0, 1 << 16, 1 << 16);
        buffer = new BytePointer((long) target.width() * target.height() * 3);
    }

    @Override
    public void close() {
        if (context != null) {
            sws_freeContext(context);
            context = null;
        }
        if (buffer != null) {
            buffer.close();
            buffer = null;
        }
    }
}
