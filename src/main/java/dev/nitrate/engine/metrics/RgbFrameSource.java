package dev.nitrate.engine.metrics;

import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.io.IOException;
import java.util.Optional;

/** Frames of a clip in display order, as 8-bit RGB; what evaluation and benchmarks read. */
public interface RgbFrameSource extends AutoCloseable {

    /** Frame width in pixels. */
    int width();

    /** Frame height in pixels. */
    int height();

    /** The next frame, or empty at the end of the clip. The frame is the caller's to keep. */
    Optional<Rgb8> next() throws IOException;

    @Override
    void close() throws IOException;
}
