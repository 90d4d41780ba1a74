package dev.nitrate.cli;

import dev.nitrate.engine.metrics.RgbFrame;
import dev.nitrate.engine.metrics.RgbFrameSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes a clip (any file FFmpeg reads, or a printf-style image pattern such as
 * {@code dir/%05d.png}) to 8-bit RGB frames, optionally scaled.
 *
 * <p>Interim reader for {@code evaluate} and {@code bench} until the video package of the
 * pipeline branch is merged; the decoded frames do not leave this class as JavaCV frames.
 */
final class FfmpegClipReader implements RgbFrameSource {

    private final Path clip;
    private final FFmpegFrameGrabber grabber;
    private final int width;
    private final int height;

    private FfmpegClipReader(Path clip, FFmpegFrameGrabber grabber) {
        this.clip = clip;
        this.grabber = grabber;
        this.width = grabber.getImageWidth();
        this.height = grabber.getImageHeight();
    }

    /**
     * Opens the clip.
     *
     * @param scaledWidth width to scale to, or 0 for the clip's own
     * @param scaledHeight height to scale to, or 0 for the clip's own
     */
    static FfmpegClipReader open(Path clip, int scaledWidth, int scaledHeight) throws IOException {
        boolean pattern = clip.getFileName() != null && clip.getFileName().toString().contains("%");
        if (!pattern && !Files.isRegularFile(clip)) {
            throw new IOException(clip + ": no such file");
        }
        FFmpegLogCallback.setLevel(avutil.AV_LOG_ERROR);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toString());
        grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
        if (scaledWidth > 0 && scaledHeight > 0) {
            grabber.setImageWidth(scaledWidth);
            grabber.setImageHeight(scaledHeight);
        }
        try {
            grabber.start();
        } catch (FFmpegFrameGrabber.Exception e) {
            closeQuietly(grabber);
            throw new IOException(clip + ": cannot be read as video (" + e.getMessage() + ")", e);
        }
        if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            closeQuietly(grabber);
            throw new IOException(clip + ": has no video stream");
        }
        return new FfmpegClipReader(clip, grabber);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    /** Frames per second as the container states it; 0 when unknown. */
    double frameRate() {
        return grabber.getFrameRate();
    }

    /** The video codec's name as FFmpeg gives it, e.g. {@code h264}. */
    String codecName() {
        return grabber.getVideoCodecName();
    }

    @Override
    public Optional<RgbFrame> next() throws IOException {
        Frame frame;
        try {
            frame = grabber.grabImage();
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new IOException(clip + ": decoding failed (" + e.getMessage() + ")", e);
        }
        if (frame == null || frame.image == null) {
            return Optional.empty();
        }
        // The grabber converts to packed RGB24; rows may be padded, and JavaCV then reports stride / width as the
        // channel count, so only the stride is trusted.
        if (frame.imageWidth != width || frame.imageHeight != height || frame.imageStride < width * 3) {
            throw new IOException(clip + ": frame of " + frame.imageWidth + "x" + frame.imageHeight + " (row stride "
                    + frame.imageStride + ") in a " + width + "x" + height + " RGB clip");
        }
        ByteBuffer pixels = ((ByteBuffer) frame.image[0]).duplicate();
        int rowBytes = width * 3;
        byte[] rgb = new byte[rowBytes * height];
        for (int y = 0; y < height; y++) {
            pixels.position(y * frame.imageStride);
            pixels.get(rgb, y * rowBytes, rowBytes);
        }
        return Optional.of(new RgbFrame(width, height, rgb));
    }

    @Override
    public void close() throws IOException {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            throw new IOException(clip + ": closing the decoder failed (" + e.getMessage() + ")", e);
        }
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception ignored) {
            // the open failure is what the caller reports
        }
    }
}
