package dev.nitrate.engine.memory;

import java.nio.FloatBuffer;

/**
 * A run of memory elements, element-major: {@code keys[n * CK + c]}, {@code shrinkage[n]},
 * {@code values[n * C + c]}. The buffers are exactly {@code size} elements long (slices of the bank's storage).
 */
public record MemoryView(FloatBuffer keys, FloatBuffer shrinkage, FloatBuffer values, int size, int keyChannels, int valueChannels) {

    public MemoryView {
        if (keys.remaining() != (long) size * keyChannels || shrinkage.remaining() != size
                || values.remaining() != (long) size * valueChannels) {
            throw new IllegalArgumentException("memory view buffers do not hold " + size + " elements");
        }
    }
}
