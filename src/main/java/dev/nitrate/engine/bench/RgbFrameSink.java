package dev.nitrate.engine.bench;

import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.io.IOException;

/** Where benchmarked frames go after colorization: normally a video encoder. */
@FunctionalInterface
public interface RgbFrameSink extends AutoCloseable {

    /** Encodes or stores one frame; the frame is not used after the call returns. */
    void write(Rgb8 frame) throws IOException;

    /** Finishes the output; nothing by default. */
    @Override
    default void close() throws IOException {}
}
