package dev.nitrate.engine.onnx;

import java.nio.file.Path;

/** Where the bytes of one graph come from: a file of a pack folder, or a classpath resource read into memory. */
public sealed interface GraphSource permits GraphSource.FromFile, GraphSource.FromBytes {

    /** A name for messages: the file path or the resource name. */
    String displayName();

    /** A graph file on disk (ONNX Runtime maps it itself; large graphs never pass through the Java heap). */
    record FromFile(Path path) implements GraphSource {
        @Override
        public String displayName() {
            return path.toString();
        }
    }

    /** A graph held in memory (built-in pack resources, engine kernels). */
    record FromBytes(String name, byte[] bytes) implements GraphSource {
        @Override
        public String displayName() {
            return name;
        }
    }
}
