package dev.nitrate.app.export;

import dev.nitrate.app.media.RgbFrame;
import java.io.IOException;

/** Where an export writes its frames, in order. */
public interface FrameSink extends AutoCloseable {

    void write(RgbFrame frame) throws IOException;

    @Override
    void close() throws IOException;
}
