package dev.nitrate.engine.colormnet;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Which role each frame of a sequence plays: the first frame (the exemplar's colour, or predicted from a
 * separate exemplar), memory frames (the first, then every frame at least {@code mem_every} frames after the
 * last memory frame) and ordinary frames. Counts frames and memory frames for statistics and resume.
 */
final class FrameSchedule {

    /** The role of a frame (or of a separate exemplar image) in the sequence. */
    enum Role {
        /** An exemplar image apart from the frames, stored before the first frame. */
        SEPARATE_EXEMPLAR,
        /** The first frame, whose colour is the exemplar's: nothing is predicted. */
        EXEMPLAR_FRAME,
        /** The first frame when the exemplar is a separate image: predicted from the exemplar's memory alone. */
        FIRST_PREDICTED,
        /** A later frame whose key and value join the memory bank. */
        MEMORY_FRAME,
        /** A frame that only reads the memory. */
        FRAME;

        boolean memoryFrame() {
            return this != FRAME;
        }

        /** Whether the stored frame is never consolidated (exemplars). */
        boolean permanentMemory() {
            return this == SEPARATE_EXEMPLAR || this == EXEMPLAR_FRAME;
        }

        /** Local attention looks at the most recent memory frame from the second frame on. */
        boolean usesLocalAttention() {
            return this == MEMORY_FRAME || this == FRAME;
        }
    }

    private final int memEvery;
    private boolean started;
    private boolean firstFrameIsExemplar;
    private long frameIndex;
    private long lastMemoryFrame;
    private long memoryFramesAdded;

    FrameSchedule(int memEvery) {
        this.memEvery = memEvery;
    }

    /** Starts a sequence: no frame seen yet, no memory frame stored. */
    void begin(boolean firstFrameIsExemplar) {
        frameIndex = -1;
        lastMemoryFrame = 0;
        memoryFramesAdded = 0;
        this.firstFrameIsExemplar = firstFrameIsExemplar;
        started = true;
    }

    boolean started() {
        return started;
    }

    boolean firstFrameIsExemplar() {
        return firstFrameIsExemplar;
    }

    /** Advances to the next frame and says its role. */
    Role next() {
        frameIndex++;
        if (frameIndex == 0) {
            return firstFrameIsExemplar ? Role.EXEMPLAR_FRAME : Role.FIRST_PREDICTED;
        }
        return frameIndex - lastMemoryFrame >= memEvery ? Role.MEMORY_FRAME : Role.FRAME;
    }

    /** Records that the current frame (or, before the first frame, an exemplar) joined the memory bank. */
    void memoryFrameStored() {
        lastMemoryFrame = Math.max(frameIndex, 0);
        memoryFramesAdded++;
    }

    /** The current frame's index; -1 before the first frame. */
    long frameIndex() {
        return frameIndex;
    }

    long framesSeen() {
        return frameIndex + 1;
    }

    long memoryFramesAdded() {
        return memoryFramesAdded;
    }

    void write(DataOutput out) throws IOException {
        out.writeBoolean(started);
        out.writeBoolean(firstFrameIsExemplar);
        out.writeLong(frameIndex);
        out.writeLong(lastMemoryFrame);
        out.writeLong(memoryFramesAdded);
    }

    void read(DataInput in) throws IOException {
        started = in.readBoolean();
        firstFrameIsExemplar = in.readBoolean();
        frameIndex = in.readLong();
        lastMemoryFrame = in.readLong();
        memoryFramesAdded = in.readLong();
    }
}
