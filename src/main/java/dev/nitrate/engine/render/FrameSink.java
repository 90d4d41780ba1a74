package dev.nitrate.engine.render;

import dev.nitrate.engine.safety.OutputRefusedException;
import dev.nitrate.engine.video.DecodedFrame;
import dev.nitrate.engine.video.MediaException;
import dev.nitrate.engine.video.RgbPixels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a render's colorized frames go: spooled into the work folder segment by segment, then put in
 * place as the output once every frame is done.
 */
sealed interface FrameSink permits VideoSegments, ImageFiles {

    /** Starts the segment whose first frame is {@code firstFrame}. */
    void beginSegment(long firstFrame) throws MediaException, IOException;

    /** Writes frame {@code frame} of the open segment; {@code source} is the decoded frame it was made from. */
    void write(long frame, RgbPixels colour, DecodedFrame source) throws MediaException, IOException;

    /** Finishes the open segment so that it survives for a resume. */
    void endSegment() throws MediaException, IOException;

    /** Drops an open segment that did not finish (nothing when none is open). */
    void abandonSegment();

    /** The files a finished segment left in the work folder. */
    List<Path> finishedFiles(FrameRange segment);

    /** Deletes what a segment left in the work folder, finished or not, before it is rendered again. */
    void discard(FrameRange segment) throws IOException;

    /**
     * Completes the output inside the work folder (a video is assembled, carrying {@code containerTags}) and returns it:
     * a video file or the folder of frames.
     */
    Path finish(Map<String, String> containerTags) throws MediaException, IOException;

    /** Image files of the finished folder, in frame order, by name (empty for a video). */
    default List<String> frameFileNames() throws IOException {
        return List.of();
    }

    /** Puts the output {@link #finish finished} under its final name. */
    void publish() throws MediaException, OutputRefusedException, IOException;
}
