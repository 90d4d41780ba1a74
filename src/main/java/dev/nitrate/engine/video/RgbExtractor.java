package dev.nitrate.engine.video;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB48LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_BE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_BITSTREAM;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_HWACCEL;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_PAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_RGB;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P16LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BITEXACT;
import static org.bytedeco.ffmpeg.global.swscale.SWS_FULL_CHR_H_INT;
import static org.bytedeco.ffmpeg.global.swscale.SWS_POINT;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import java.nio.ByteOrder;
import java.util.Optional;
import org.bytedeco.ffmpeg.avutil.AVComponentDescriptor;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Copies decoded FFmpeg frames out as RGB (8 or 16 bits) and, when asked, their Y plane at its own depth
 * and range (computed with the BT.709 matrix for RGB sources). Owns its scaler contexts and buffers.
 */
final class RgbExtractor implements AutoCloseable {

    private static final int FLAGS = SWS_POINT | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT | SWS_BITEXACT;

    private final boolean sixteenBit;
    private final boolean withVideoLuma;
    private SwsContext rgbContext;
    private SwsContext lumaContext;
    private int sourceFormat = -1;
    private int sourceWidth;
    private int sourceHeight;
    private BytePointer rgbBuffer;
    private BytePointer lumaBuffer;
    private BytePointer chromaScratch;
    private boolean sourceFullRange;
    private boolean lumaCopied;
    private int lumaBits;
    private boolean lumaFullRange;

    RgbExtractor(boolean sixteenBit, boolean withVideoLuma) {
        this.sixteenBit = sixteenBit;
        this.withVideoLuma = withVideoLuma;
    }

    DecodedFrame extract(AVFrame frame, long index) {
        prepare(frame);
        int width = frame.width();
        int height = frame.height();
        int rgbStride = width * (sixteenBit ? 6 : 3);
        try (PointerPointer<BytePointer> dst = new PointerPointer<>(4);
                IntPointer dstStride = new IntPointer(4)) {
            dst.put(0, rgbBuffer);
            dstStride.put(0, rgbStride);
            sws_scale(rgbContext, frame.data(), frame.linesize(), 0, height, dst, dstStride);
        }
        RgbPixels pixels;
        if (sixteenBit) {
            short[] rgb = new short[width * height * 3];
            rgbBuffer.position(0).limit((long) rgb.length * 2).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(rgb);
            pixels = new RgbPixels.Rgb16(width, height, rgb);
        } else {
            byte[] rgb = new byte[width * height * 3];
            rgbBuffer.position(0).get(rgb);
            pixels = new RgbPixels.Rgb8(width, height, rgb);
        }
        return new DecodedFrame(index, pixels, withVideoLuma ? Optional.of(videoLuma(frame)) : Optional.empty());
    }

    private LumaPlane videoLuma(AVFrame frame) {
        int width = frame.width();
        int height = frame.height();
        short[] samples = new short[width * height];
        if (lumaCopied) {
            readPlane(frame.data(0), frame.linesize(0), width, height, lumaBits > 8, samples);
            return new LumaPlane(width, height, lumaBits, lumaFullRange, samples);
        }
        boolean wide = lumaBits > 8;
        int chromaWidth = (width + 1) / 2 * (wide ? 2 : 1);
        try (PointerPointer<BytePointer> dst = new PointerPointer<>(4);
                IntPointer dstStride = new IntPointer(4)) {
            dst.put(0, lumaBuffer);
            dst.put(1, chromaScratch);
            dst.put(2, chromaScratch.getPointer((long) chromaWidth * ((height + 1) / 2)));
            dstStride.put(0, width * (wide ? 2 : 1));
            dstStride.put(1, chromaWidth);
            dstStride.put(2, chromaWidth);
            sws_scale(lumaContext, frame.data(), frame.linesize(), 0, height, dst, dstStride);
        }
        readPlane(lumaBuffer, width * (wide ? 2 : 1), width, height, wide, samples);
        return new LumaPlane(width, height, lumaBits, lumaFullRange, samples);
    }

    private static void readPlane(BytePointer plane, int stride, int width, int height, boolean wide, short[] samples) {
        byte[] row = new byte[width * (wide ? 2 : 1)];
        for (int y = 0; y < height; y++) {
            plane.position((long) y * stride).get(row);
            int base = y * width;
            for (int x = 0; x < width; x++) {
                samples[base + x] = wide ? (short) ((row[2 * x] & 0xFF) | (row[2 * x + 1] & 0xFF) << 8) : (short) (row[x] & 0xFF);
            }
        }
        plane.position(0);
    }

    /** Whether the first plane of the format is the Y plane, one native little-endian sample per pixel, no padding bits. */
    private static boolean lumaIsPlaneZero(AVPixFmtDescriptor descriptor) {
        if (descriptor == null || descriptor.isNull()) {
            return false;
        }
        long foreign = AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL | AV_PIX_FMT_FLAG_BE | AV_PIX_FMT_FLAG_BITSTREAM | AV_PIX_FMT_FLAG_HWACCEL;
        AVComponentDescriptor y = descriptor.comp(0);
        return (descriptor.flags() & foreign) == 0 && y.plane() == 0 && y.offset() == 0 && y.shift() == 0
                && y.step() == (y.depth() > 8 ? 2 : 1) && y.depth() <= 16;
    }

    private void prepare(AVFrame frame) {
        if (frame.format() == sourceFormat && frame.width() == sourceWidth && frame.height() == sourceHeight) {
            return;
        }
        freeContexts();
        sourceFormat = frame.format();
        sourceWidth = frame.width();
        sourceHeight = frame.height();
        boolean fullRange = frame.color_range() == AVCOL_RANGE_JPEG || sourceFormat == AV_PIX_FMT_YUVJ420P
                || FfmpegSupport.pixelFormatName(sourceFormat).startsWith("yuvj");
        sourceFullRange = fullRange;
        rgbContext = sws_getContext(sourceWidth, sourceHeight, sourceFormat, sourceWidth, sourceHeight,
                sixteenBit ? AV_PIX_FMT_RGB48LE : AV_PIX_FMT_RGB24, FLAGS, null, null, (DoublePointer) null);
        if (rgbContext == null || rgbContext.isNull()) {
            throw new IllegalStateException("FFmpeg cannot convert " + FfmpegSupport.pixelFormatName(sourceFormat) + " to RGB");
        }
        IntPointer sourceMatrix = sws_getCoefficients(frame.colorspace());
        sws_setColorspaceDetails(rgbContext, sourceMatrix, fullRange ? 1 : 0, sws_getCoefficients(frame.colorspace()), 1, 0, 1 << 16, 1 << 16);
        rgbBuffer = new BytePointer((long) sourceWidth * sourceHeight * (sixteenBit ? 6 : 3));
        if (withVideoLuma) {
            prepareLuma(frame);
        }
    }

    private void prepareLuma(AVFrame frame) {
        AVPixFmtDescriptor descriptor = av_pix_fmt_desc_get(sourceFormat);
        int depth = FfmpegSupport.bitDepth(sourceFormat);
        lumaCopied = lumaIsPlaneZero(descriptor);
        boolean rgb = ColourTags.of(frame).isRgb();
        lumaFullRange = !rgb && sourceFullRange;
        if (lumaCopied) {
            lumaBits = Math.max(8, depth);
            return;
        }
        lumaBits = depth > 8 ? 16 : 8;
        lumaContext = sws_getContext(sourceWidth, sourceHeight, sourceFormat, sourceWidth, sourceHeight,
                lumaBits > 8 ? AV_PIX_FMT_YUV420P16LE : AV_PIX_FMT_YUV420P, FLAGS, null, null, (DoublePointer) null);
        if (lumaContext == null || lumaContext.isNull()) {
            throw new IllegalStateException("FFmpeg cannot convert " + FfmpegSupport.pixelFormatName(sourceFormat) + " to YUV");
        }
        IntPointer sourceMatrix = sws_getCoefficients(frame.colorspace());
        IntPointer outputMatrix = rgb ? sws_getCoefficients(ColourTags.BT709_LIMITED.matrix()) : sourceMatrix;
        sws_setColorspaceDetails(lumaContext, sourceMatrix, sourceFullRange || rgb ? 1 : 0, outputMatrix, lumaFullRange ? 1 : 0, 0, 1 << 16, 1 << 16);
        int sampleBytes = lumaBits > 8 ? 2 : 1;
        lumaBuffer = new BytePointer((long) sourceWidth * sourceHeight * sampleBytes);
        chromaScratch = new BytePointer(2L * ((sourceWidth + 1) / 2) * ((sourceHeight + 1) / 2) * sampleBytes);
    }

    private void freeContexts() {
        if (rgbContext != null) {
            sws_freeContext(rgbContext);
            rgbContext = null;
        }
        if (lumaContext != null) {
            sws_freeContext(lumaContext);
            lumaContext = null;
        }
        for (BytePointer buffer : new BytePointer[] {rgbBuffer, lumaBuffer, chromaScratch}) {
            if (buffer != null) {
                buffer.close();
            }
        }
        rgbBuffer = null;
        lumaBuffer = null;
        chromaScratch = null;
    }

    @Override
    public void close() {
        freeContexts();
    }
}
