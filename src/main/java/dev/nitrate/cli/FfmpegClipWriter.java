package dev.nitrate.cli;

import dev.nitrate.engine.bench.RgbFrameSink;
import dev.nitrate.engine.metrics.RgbFrame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Encodes RGB frames to H.264 (libx264, yuv420p) in MP4: the encode stage that {@code bench}
 * times. Interim writer until the video package of the pipeline branch is merged.
 */
final class FfmpegClipWriter implements RgbFrameSink {

    private final Path file;
    private final FFmpegFrameRecorder recorder;
    private final Frame frame;
    private final int width;
    private final int height;

    private FfmpegClipWriter(Path file, FFmpegFrameRecorder recorder, Frame frame, int width, int height) {
        this.file = file;
        this.recorder = recorder;
        this.frame = frame;
        this.width = width;
        this.height = height;
    }

    static FfmpegClipWriter open(Path file, int width, int height, double frameRate) throws IOException {
        if (width % 2 != 0 || height % 2 != 0) {
            throw new IOException(file + ": H.264 in 4:2:0 needs an even frame size, got " + width + "x" + height);
        }
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(frameRate > 0 ? frameRate : 25);
        recorder.setVideoQuality(18);
        try {
            recorder.start();
        } catch (FFmpegFrameRecorder.Exception e) {
            try {
                recorder.close();
            } catch (FFmpegFrameRecorder.Exception ignored) {
                // the start failure is what the caller reports
            }
            throw new IOException(file + ": cannot start the H.264 encoder (" + e.getMessage() + ")", e);
        }
        return new FfmpegClipWriter(file, recorder, new Frame(width, height, Frame.DEPTH_UBYTE, 3), width, height);
    }

    /** The codec actually written, e.g. {@code h264}. */
    String codecName() {
        return avcodec.avcodec_get_name(recorder.getVideoCodec()).getString();
    }

    @Override
    public void write(RgbFrame rgbFrame) throws IOException {
        if (rgbFrame.width() != width || rgbFrame.height() != height) {
            throw new IOException(file + ": frame of " + rgbFrame.width() + "x" + rgbFrame.height()
                    + " for a " + width + "x" + height + " video");
        }
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        int rowBytes = width * 3;
        for (int y = 0; y < height; y++) {
            pixels.position(y * frame.imageStride);
            pixels.put(rgbFrame.rgb(), y * rowBytes, rowBytes);
        }
        pixels.rewind();
        try {
            recorder.record(frame, avutil.AV_PIX_FMT_RGB24);
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException(file + ": encoding failed (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() throws IOException {
        try (frame) {
            recorder.close();
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException(file + ": finishing the video failed (" + e.getMessage() + ")", e);
        }
    }
}
