package dev.nitrate.engine.bench;

import dev.nitrate.engine.video.MediaException;
import dev.nitrate.engine.video.OutputFrame;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import dev.nitrate.engine.video.RgbPixels;
import dev.nitrate.engine.video.VideoEncodeSettings;
import dev.nitrate.engine.video.VideoSegmentWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Benchmarked frames encoded as the render job encodes them ({@link VideoSegmentWriter}). Owns the writer. */
public final class EncodedVideoSink implements RgbFrameSink {

    private final VideoSegmentWriter writer;

    private EncodedVideoSink(VideoSegmentWriter writer) {
        this.writer = writer;
    }

    /**
     * Creates the video file.
     *
     * @param container FFmpeg's muxer name, e.g. {@code mp4}
     */
    public static EncodedVideoSink create(Path file, String container, VideoEncodeSettings settings) throws IOException {
        try {
            return new EncodedVideoSink(VideoSegmentWriter.create(file, container, settings));
        } catch (MediaException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void write(Rgb8 frame) throws IOException {
        try {
            writer.write(new OutputFrame(new RgbPixels.Rgb8(frame.width(), frame.height(), frame.rgb()), Optional.empty()));
        } catch (MediaException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Finishes the file and releases the encoder. */
    @Override
    public void close() throws IOException {
        try (writer) {
            writer.finish();
        } catch (MediaException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
