package dev.nitrate.app.interim;

import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.FilmInfo;
import dev.nitrate.app.media.FilmReader;
import dev.nitrate.app.media.Pictures;
import dev.nitrate.app.media.RgbFrame;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/** Decodes a video file with FFmpeg; reads on from the last frame when asked for the next ones, seeks otherwise. */
public final class JavaCvFilmReader implements FilmReader {

    private static final int READ_ON_LIMIT = 24;

    private final FFmpegFrameGrabber grabber;
    private final FilmInfo info;
    private int nextIndex;

    private JavaCvFilmReader(FFmpegFrameGrabber grabber, FilmInfo info) {
        this.grabber = grabber;
        this.info = info;
    }

    public static JavaCvFilmReader open(Path file) throws FilmException {
        if (!Files.isRegularFile(file)) {
            throw new FilmException(file + ": no such film file");
        }
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        FFmpegLogCallback.setLevel(avutil.AV_LOG_QUIET);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
        try {
            grabber.start();
            if (grabber.getVideoStream() < 0 || grabber.getImageWidth() <= 0) {
                throw new FilmException(file + ": the file has no video stream");
            }
            int frames = grabber.getLengthInVideoFrames();
            if (frames <= 0) {
                throw new FilmException(file + ": the film's length cannot be read");
            }
            FilmInfo info = new FilmInfo(file, grabber.getImageWidth(), grabber.getImageHeight(), frames,
                    grabber.getVideoFrameRate(), grabber.hasAudio());
            return new JavaCvFilmReader(grabber, info);
        } catch (FrameGrabber.Exception e) {
            closeQuietly(grabber);
            throw new FilmException(file + ": not a video FFmpeg can read (" + e.getMessage() + ")", e);
        } catch (FilmException | RuntimeException e) {
            closeQuietly(grabber);
            throw e;
        }
    }

    @Override
    public FilmInfo info() {
        return info;
    }

    @Override
    public RgbFrame frame(int index, int maxWidth, int maxHeight) throws FilmException {
        if (index < 0 || index >= info.frameCount()) {
            throw new FilmException(info.source() + ": frame " + index + " is outside 0.." + (info.frameCount() - 1));
        }
        try {
            if (index < nextIndex || index > nextIndex + READ_ON_LIMIT) {
                grabber.setVideoFrameNumber(index);
                nextIndex = index;
            }
            Frame frame = null;
            while (nextIndex <= index) {
                frame = grabber.grabImage();
                if (frame == null) {
                    break;
                }
                nextIndex++;
            }
            if (frame == null) {
                throw new FilmException(info.source() + ": frame " + index + " could not be decoded (end of stream)");
            }
            RgbFrame rgb = copy(frame, index);
            int[] size = Pictures.fitInside(rgb.width(), rgb.height(), maxWidth, maxHeight);
            return Pictures.resize(rgb, size[0], size[1]);
        } catch (FrameGrabber.Exception e) {
            throw new FilmException(info.source() + ": frame " + index + " could not be decoded (" + e.getMessage() + ")", e);
        }
    }

    private static RgbFrame copy(Frame frame, int index) {
        int w = frame.imageWidth;
        int h = frame.imageHeight;
        ByteBuffer buffer = (ByteBuffer) frame.image[0];
        int stride = frame.imageStride;
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            buffer.position(y * stride);
            buffer.get(rgb, y * w * 3, w * 3);
        }
        buffer.rewind();
        return new RgbFrame(index, w, h, rgb);
    }

    @Override
    public void close() {
        closeQuietly(grabber);
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception ignored) {
            // nothing more to release
        }
    }
}
