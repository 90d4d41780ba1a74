package dev.nitrate.engine.video;

/**
 * Reads the frames of one film, in order or at random. Reading in order is the fast path; a
 * random read returns exactly the frame a sequential decode yields at that index. Not
 * thread-safe; owns native decoder state and must be closed.
 */
public interface FilmReader extends AutoCloseable {

    /** What the film is. */
    FilmInfo info();

    /**
     * Decodes frame {@code index}.
     *
     * @throws MediaException when the index is outside the film or the frame cannot be decoded
     */
    DecodedFrame read(long index) throws MediaException;

    /**
     * The last frame at or before {@code index} that decodes on its own (a keyframe), so the cheapest frame to show
     * first on a jump to {@code index}: reading it and then {@code index} decodes the run between them once. Every
     * frame of an image sequence is one.
     */
    default long keyFrameAtOrBefore(long index) {
        return index;
    }

    @Override
    void close();
}
