package dev.nitrate.engine.video;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB48LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
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
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Copies decoded FFmpeg frames out as RGB (8 or 16 bits) and, when asked, as the luma of an 8-bit
 * {@code yuv420p} video. Owns its scaler contexts and buffers.
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

    private byte[] videoLuma(AVFrame frame) {
        int width = frame.width();
        int height = frame.height();
        byte[] luma = new byte[width * height];
        if (frame.format() == AV_PIX_FMT_YUV420P || frame.format() == AV_PIX_FMT_YUVJ420P) {
            BytePointer plane = frame.data(0);
            int stride = frame.linesize(0);
            for (int y = 0; y < height; y++) {
                plane.position((long) y * stride).get(luma, y * width, width);
            }
            return luma;
        }
        int chromaWidth = (width + 1) / 2;
        try (PointerPointer<BytePointer> dst = new PointerPointer<>(4);
                IntPointer dstStride = new IntPointer(4)) {
            dst.put(0, lumaBuffer);
            dst.put(1, chromaScratch);
            dst.put(2, chromaScratch.getPointer((long) chromaWidth * ((height + 1) / 2)));
            dstStride.put(0, width);
            dstStride.put(1, chromaWidth);
            dstStride.put(2, chromaWidth);
            sws_scale(lumaContext, frame.data(), frame.linesize(), 0, height, dst, dstStride);
        }
        lumaBuffer.position(0).get(luma);
        return luma;
    }

    private void prepare(AVFrame frame) {
        if (frame.format() == sourceFormat && frame.width() == sourceWidth && frame.height() == sourceHeight) {
            return;
        }
        freeContexts();
        sourceFormat = frame.format();
        sourceWidth = frame.width();
        sourceHeight = frame.height();
        boolean fullRange = frame.color_range() == AVCOL_RANGE_JPEG || sourceFormat == AV_PIX_FMT_YUVJ420P;
        rgbContext = sws_getContext(sourceWidth, sourceHeight, sourceFormat, sourceWidth, sourceHeight,
                sixteenBit ? AV_PIX_FMT_RGB48LE : AV_PIX_FMT_RGB24, FLAGS, null, null, (DoublePointer) null);
        if (rgbContext == null || rgbContext.isNull()) {
            throw new IllegalStateException("FFmpeg cannot convert " + FfmpegSupport.pixelFormatName(sourceFormat) + " to RGB");
        }
        IntPointer sourceMatrix = sws_getCoefficients(frame.colorspace());
        sws_setColorspaceDetails(rgbContext, sourceMatrix, fullRange ? 1 : 0, sws_getCoefficients(frame.colorspace()), 1, 0, 1 << 16, 1 << 16);
        rgbBuffer = new BytePointer((long) sourceWidth * sourceHeight * (sixteenBit ? 6 : 3));
        if (withVideoLuma) {
            lumaContext = sws_getContext(sourceWidth, sourceHeight, sourceFormat, sourceWidth, sourceHeight,
                    AV_PIX_FMT_YUV420P, FLAGS, null, null, (DoublePointer) null);
            lumaBuffer = new BytePointer((long) sourceWidth * sourceHeight);
            chromaScratch = new BytePointer(2L * ((sourceWidth + 1) / 2) * ((sourceHeight + 1) / 2));
        }
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
