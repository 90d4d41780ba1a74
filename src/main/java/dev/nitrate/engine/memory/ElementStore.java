package dev.nitrate.engine.memory;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Element-major storage of memory elements in direct (native-order) buffers, so that ONNX Runtime
 * reads them in place: key and selection {@code [n, CK]}, shrinkage {@code [n]}, value {@code [n, C]},
 * and per element usage and life.
 */
final class ElementStore {

    final int keyChannels;
    final int valueChannels;
    private int size;
    private int capacity;
    private FloatBuffer keys;
    private FloatBuffer selection;
    private FloatBuffer shrinkage;
    private FloatBuffer values;
    private float[] usage;
    private float[] life;
    private ByteBuffer[] owned = new ByteBuffer[0];

    ElementStore(int keyChannels, int valueChannels, int initialCapacity) {
        this.keyChannels = keyChannels;
        this.valueChannels = valueChannels;
        allocate(Math.max(1, initialCapacity));
    }

    private void allocate(int newCapacity) {
        ByteBuffer[] buffers = {bytes((long) newCapacity * keyChannels), bytes((long) newCapacity * keyChannels),
            bytes(newCapacity), bytes((long) newCapacity * valueChannels)};
        FloatBuffer k = floats(buffers[0]);
        FloatBuffer s = floats(buffers[1]);
        FloatBuffer sh = floats(buffers[2]);
        FloatBuffer v = floats(buffers[3]);
        if (keys != null) {
            k.put(0, keys, 0, size * keyChannels);
            s.put(0, selection, 0, size * keyChannels);
            sh.put(0, shrinkage, 0, size);
            v.put(0, values, 0, size * valueChannels);
        }
        keys = k;
        selection = s;
        shrinkage = sh;
        values = v;
        usage = usage == null ? new float[newCapacity] : Arrays.copyOf(usage, newCapacity);
        life = life == null ? new float[newCapacity] : Arrays.copyOf(life, newCapacity);
        capacity = newCapacity;
        release();
        owned = buffers;
    }

    /** Frees the direct buffers now; the store must not be used afterwards (the bank drops it). */
    void release() {
        for (ByteBuffer buffer : owned) {
            DirectBuffers.free(buffer);
        }
        owned = new ByteBuffer[0];
    }

    private static ByteBuffer bytes(long floats) {
        if (floats * 4 > Integer.MAX_VALUE) {
            throw new IllegalStateException("memory bank too large: " + floats + " floats in one buffer");
        }
        return ByteBuffer.allocateDirect((int) floats * 4).order(ByteOrder.nativeOrder());
    }

    private static FloatBuffer floats(ByteBuffer bytes) {
        return bytes.asFloatBuffer();
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    private void ensureCapacity(int needed) {
        if (needed > capacity) {
            allocate(Math.max(needed, capacity + capacity / 2));
        }
    }

    /**
     * Appends {@code count} elements given channel-major ({@code key[c * count + e]}), as the networks
     * write them; usage starts at 0 and life at 1e-7.
     */
    void appendChannelMajor(float[] key, float[] shrink, float[] sel, float[] value, int count) {
        ensureCapacity(size + count);
        for (int e = 0; e < count; e++) {
            int n = size + e;
            for (int c = 0; c < keyChannels; c++) {
                keys.put(n * keyChannels + c, key[c * count + e]);
                selection.put(n * keyChannels + c, sel == null ? 0f : sel[c * count + e]);
            }
            shrinkage.put(n, shrink[e]);
        }
        for (int c = 0; c < valueChannels; c++) {
            int src = c * count;
            for (int e = 0; e < count; e++) {
                values.put((size + e) * valueChannels + c, value[src + e]);
            }
        }
        Arrays.fill(usage, size, size + count, 0f);
        Arrays.fill(life, size, size + count, 1e-7f);
        size += count;
    }

    /** Appends a copy of elements {@code [from, to)} of another store. */
    void appendFrom(ElementStore other, int from, int to) {
        int count = to - from;
        ensureCapacity(size + count);
        keys.put(size * keyChannels, other.keys, from * keyChannels, count * keyChannels);
        selection.put(size * keyChannels, other.selection, from * keyChannels, count * keyChannels);
        shrinkage.put(size, other.shrinkage, from, count);
        values.put(size * valueChannels, other.values, from * valueChannels, count * valueChannels);
        System.arraycopy(other.usage, from, usage, size, count);
        System.arraycopy(other.life, from, life, size, count);
        size += count;
    }

    /** A view of elements {@code [from, to)} for the kernels. */
    MemoryView view(int from, int to) {
        int n = to - from;
        return new MemoryView(keys.slice(from * keyChannels, n * keyChannels), shrinkage.slice(from, n),
                values.slice(from * valueChannels, n * valueChannels), n, keyChannels, valueChannels);
    }

    /** Adds one readout's attention mass to the usage and 1 to the life of elements {@code [from, from + mass.length)}. */
    void addUsage(int from, float[] mass) {
        for (int i = 0; i < mass.length; i++) {
            usage[from + i] += mass[i];
            life[from + i] += 1f;
        }
    }

    /** usage / life of element n. */
    float normalisedUsage(int n) {
        return usage[n] / life[n];
    }

    float key(int n, int c) {
        return keys.get(n * keyChannels + c);
    }

    float selection(int n, int c) {
        return selection.get(n * keyChannels + c);
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(size);
        writeFloats(out, keys, size * keyChannels);
        writeFloats(out, selection, size * keyChannels);
        writeFloats(out, shrinkage, size);
        writeFloats(out, values, size * valueChannels);
        for (int i = 0; i < size; i++) {
            out.writeFloat(usage[i]);
            out.writeFloat(life[i]);
        }
    }

    void read(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("bad memory state: " + n + " elements");
        }
        size = 0;
        ensureCapacity(n);
        readFloats(in, keys, n * keyChannels);
        readFloats(in, selection, n * keyChannels);
        readFloats(in, shrinkage, n);
        readFloats(in, values, n * valueChannels);
        for (int i = 0; i < n; i++) {
            usage[i] = in.readFloat();
            life[i] = in.readFloat();
        }
        size = n;
    }

    static void writeFloats(DataOutput out, FloatBuffer buffer, int count) throws IOException {
        byte[] chunk = new byte[1 << 16];
        ByteBuffer bytes = ByteBuffer.wrap(chunk).order(ByteOrder.BIG_ENDIAN);
        int done = 0;
        while (done < count) {
            int n = Math.min(count - done, chunk.length / 4);
            bytes.clear();
            for (int i = 0; i < n; i++) {
                bytes.putFloat(buffer.get(done + i));
            }
            out.write(chunk, 0, n * 4);
            done += n;
        }
    }

    static void readFloats(DataInput in, FloatBuffer buffer, int count) throws IOException {
        byte[] chunk = new byte[1 << 16];
        ByteBuffer bytes = ByteBuffer.wrap(chunk).order(ByteOrder.BIG_ENDIAN);
        int done = 0;
        while (done < count) {
            int n = Math.min(count - done, chunk.length / 4);
            in.readFully(chunk, 0, n * 4);
            bytes.clear();
            for (int i = 0; i < n; i++) {
                buffer.put(done + i, bytes.getFloat());
            }
            done += n;
        }
    }
}
