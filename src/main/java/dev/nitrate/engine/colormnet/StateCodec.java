package dev.nitrate.engine.colormnet;

import dev.nitrate.engine.attention.LocalAttention;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.memory.MemoryBank;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * The colorizer's saved state, composed of its parts' own codecs: a magic number and the padded frame size,
 * the frame schedule, the fitted exemplars, the hidden state, local attention's memory frame (with a presence
 * flag) and the memory bank.
 */
final class StateCodec {

    private static final int MAGIC = 0x4E434D31;

    private final FrameGeometry geometry;
    private final FrameSchedule schedule;
    private final HiddenState hidden;
    private final LocalAttention localAttention;
    private final MemoryBank memory;

    /** {@code localAttention} is {@code null} when the pack has none. */
    StateCodec(FrameGeometry geometry, FrameSchedule schedule, HiddenState hidden, LocalAttention localAttention, MemoryBank memory) {
        this.geometry = geometry;
        this.schedule = schedule;
        this.hidden = hidden;
        this.localAttention = localAttention;
        this.memory = memory;
    }

    void write(DataOutput out, List<LabImage> exemplars) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(geometry.paddedWidth());
        out.writeInt(geometry.paddedHeight());
        schedule.write(out);
        out.writeInt(exemplars.size());
        for (LabImage e : exemplars) {
            writePlane(out, e.lightness());
            writePlane(out, e.a());
            writePlane(out, e.b());
        }
        hidden.write(out);
        out.writeBoolean(localAttention != null);
        if (localAttention != null) {
            localAttention.write(out);
        }
        memory.write(out);
    }

    /** Restores the parts and returns the saved exemplars. */
    List<LabImage> read(DataInput in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a colorizer state");
        }
        int w = in.readInt();
        int h = in.readInt();
        if (w != geometry.paddedWidth() || h != geometry.paddedHeight()) {
            throw new IOException("saved state is for " + w + "x" + h + " padded frames, this colorizer uses "
                    + geometry.paddedWidth() + "x" + geometry.paddedHeight());
        }
        schedule.read(in);
        int count = in.readInt();
        LabImage[] exemplars = new LabImage[count];
        for (int i = 0; i < count; i++) {
            exemplars[i] = new LabImage(readPlane(in), readPlane(in), readPlane(in));
        }
        hidden.read(in);
        boolean hasLocalAttention = in.readBoolean();
        if (hasLocalAttention != (localAttention != null)) {
            throw new IOException("saved state and this pack differ in local attention");
        }
        if (localAttention != null) {
            localAttention.read(in);
        }
        memory.read(in);
        return List.of(exemplars);
    }

    private static void writePlane(DataOutput out, FloatPlane plane) throws IOException {
        out.writeInt(plane.width());
        out.writeInt(plane.height());
        for (float v : plane.values()) {
            out.writeFloat(v);
        }
    }

    private static FloatPlane readPlane(DataInput in) throws IOException {
        int w = in.readInt();
        int h = in.readInt();
        if (w <= 0 || h <= 0 || (long) w * h > 1L << 28) {
            throw new IOException("bad plane size in saved state: " + w + "x" + h);
        }
        float[] v = new float[w * h];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readFloat();
        }
        return new FloatPlane(w, h, v);
    }
}
