package dev.nitrate.app.project;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An export the project has queued or started, kept so that an interrupted render resumes after a restart.
 *
 * @param id stable identifier of the render
 * @param output the output file (a video) or folder (an image sequence)
 * @param format container and codec
 * @param quality 0 (smallest) to 100 (best)
 * @param firstFrame first frame to render, inclusive
 * @param endFrame frame after the last to render
 * @param lumaLock keep the source lightness exactly
 * @param audioPassthrough copy the film's audio
 * @param framesDone frames written so far
 * @param checkpoint file holding the render's resumable state, or {@code null}
 * @param overwrite the user chose to replace an existing output (a file, or a folder of frames Nitrate wrote)
 */
public record RenderRecord(String id, Path output, ExportFormat format, int quality, int firstFrame, int endFrame,
                           boolean lumaLock, boolean audioPassthrough, int framesDone, Path checkpoint, boolean overwrite) {

    /** A render that never replaces an existing output. */
    public RenderRecord(String id, Path output, ExportFormat format, int quality, int firstFrame, int endFrame,
                        boolean lumaLock, boolean audioPassthrough, int framesDone, Path checkpoint) {
        this(id, output, format, quality, firstFrame, endFrame, lumaLock, audioPassthrough, framesDone, checkpoint, false);
    }

    public RenderRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(format, "format");
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality must be 0..100, got " + quality);
        }
        if (firstFrame < 0 || endFrame <= firstFrame) {
            throw new IllegalArgumentException("empty frame range " + firstFrame + ".." + endFrame);
        }
        if (framesDone < 0 || framesDone > endFrame - firstFrame) {
            throw new IllegalArgumentException("frames done out of range: " + framesDone);
        }
    }

    public boolean finished() {
        return framesDone == endFrame - firstFrame;
    }

    public RenderRecord withProgress(int done, Path newCheckpoint) {
        return new RenderRecord(id, output, format, quality, firstFrame, endFrame, lumaLock, audioPassthrough, done, newCheckpoint, overwrite);
    }
}
