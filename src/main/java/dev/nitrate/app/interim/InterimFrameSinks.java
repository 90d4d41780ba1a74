package dev.nitrate.app.interim;

import dev.nitrate.app.export.FrameSink;
import dev.nitrate.app.export.FrameSinks;
import dev.nitrate.app.media.FilmInfo;
import dev.nitrate.app.media.Pictures;
import dev.nitrate.app.media.RgbFrame;
import dev.nitrate.engine.project.ExportFormat;
import dev.nitrate.engine.project.RenderRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Writes exports with FFmpeg (MP4, H.264 or H.265, quality as CRF) or as numbered PNG/TIFF pictures. Image sequences
 * resume after an interruption; an MP4 starts again. Audio is not copied by this writer.
 */
public final class InterimFrameSinks implements FrameSinks {

    @Override
    public FrameSink open(RenderRecord render, FilmInfo film, int width, int height, int resumeAt) throws IOException {
        if (render.format().imageSequence()) {
            Files.createDirectories(render.output());
            String extension = render.format() == ExportFormat.PNG_SEQUENCE ? "png" : "tiff";
            return new SequenceSink(render.output(), extension, render.firstFrame());
        }
        Path parent = render.output().toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(render.output().toFile(), width, height, 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodec(render.format() == ExportFormat.MP4_H265 ? avcodec.AV_CODEC_ID_HEVC : avcodec.AV_CODEC_ID_H264);
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(film.framesPerSecond());
        int crf = (int) Math.round(35 - render.quality() * 0.2);
        recorder.setVideoOption("crf", Integer.toString(crf));
        recorder.setVideoOption("preset", "medium");
        try {
            recorder.start();
        } catch (FrameRecorder.Exception e) {
            throw new IOException("FFmpeg cannot start the " + render.format() + " encoder: " + e.getMessage(), e);
        }
        return new VideoSink(recorder, width, height);
    }

    @Override
    public boolean canResume(RenderRecord render) {
        return render.format().imageSequence();
    }

    @Override
    public boolean supportsAudio() {
        return false;
    }

    private record SequenceSink(Path folder, String extension, int firstFrame) implements FrameSink {
        @Override
        public void write(RgbFrame frame) throws IOException {
            Path file = folder.resolve(String.format("frame_%06d.%s", frame.index(), extension));
            Path temp = folder.resolve("." + file.getFileName() + ".tmp");
            if (!ImageIO.write(Pictures.toBufferedImage(frame), extension, temp.toFile())) {
                throw new IOException("no " + extension + " writer in this Java runtime");
            }
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        @Override
        public void close() {
            // each picture is closed when written
        }
    }

    private static final class VideoSink implements FrameSink {
        private final FFmpegFrameRecorder recorder;
        private final Frame frame;

        VideoSink(FFmpegFrameRecorder recorder, int width, int height) {
            this.recorder = recorder;
            this.frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
        }

        @Override
        public void write(RgbFrame rgb) throws IOException {
            ByteBuffer buffer = (ByteBuffer) frame.image[0];
            int stride = frame.imageStride;
            for (int y = 0; y < rgb.height(); y++) {
                buffer.position(y * stride);
                buffer.put(rgb.rgb(), y * rgb.width() * 3, rgb.width() * 3);
            }
            buffer.rewind();
            try {
                recorder.record(frame, avutil.AV_PIX_FMT_RGB24);
            } catch (FrameRecorder.Exception e) {
                throw new IOException("FFmpeg failed to encode frame " + rgb.index() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                recorder.close();
            } catch (FrameRecorder.Exception e) {
                throw new IOException("FFmpeg failed to finish the file: " + e.getMessage(), e);
            } finally {
                frame.close();
            }
        }
    }
}
