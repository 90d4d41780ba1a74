package dev.nitrate.engine.memory;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;

/**
 * Frees the memory bank's direct buffers as soon as the bank replaces them. Without this, a replaced buffer
 * (after a consolidation or a growth) stays resident until a garbage collection happens to run, which with
 * the bank's small heap use can be many frames later: at 1080p each is hundreds of megabytes.
 */
final class DirectBuffers {

    private static final sun.misc.Unsafe UNSAFE = unsafe();

    private DirectBuffers() {}

    private static sun.misc.Unsafe unsafe() {
        try {
            Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (sun.misc.Unsafe) field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Frees a direct buffer allocated by {@link ByteBuffer#allocateDirect} now; no view of it may be used afterwards. */
    static void free(ByteBuffer buffer) {
        if (UNSAFE != null && buffer != null && buffer.isDirect()) {
            UNSAFE.invokeCleaner(buffer);
        }
    }
}
