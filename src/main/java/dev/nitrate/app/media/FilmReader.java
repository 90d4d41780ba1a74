package dev.nitrate.app.media;

/** Random access to a film's frames. Not thread-safe: each background worker opens its own reader. */
public interface FilmReader extends AutoCloseable {

    FilmInfo info();

    /** Decodes a frame, scaled to at most the given size (keeping the aspect); 0 means full size. */
    RgbFrame frame(int index, int maxWidth, int maxHeight) throws FilmException;

    /** The last frame at or before {@code index} that decodes on its own: the quick first picture of a jump. */
    default int keyFrameAtOrBefore(int index) {
        return index;
    }

    @Override
    void close();
}
