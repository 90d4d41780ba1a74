package dev.nitrate.engine.pack;

import java.util.List;
import java.util.Objects;

/**
 * A graph input or output as the manifest declares it.
 *
 * @param name the tensor's name in the graph
 * @param shape one entry per axis: a fixed size or a symbolic (dynamic) one
 */
public record TensorSpec(String name, List<Dimension> shape) {

    public TensorSpec {
        Objects.requireNonNull(name, "name");
        shape = List.copyOf(shape);
    }

    public int rank() {
        return shape.size();
    }

    /** One axis of a declared shape. */
    public sealed interface Dimension permits Fixed, Symbolic {}

    /** An axis of a size the graph fixes. */
    public record Fixed(long size) implements Dimension {
        @Override
        public String toString() {
            return Long.toString(size);
        }
    }

    /** An axis whose size depends on the frame ({@code H}, {@code W}, {@code h}, {@code w}). */
    public record Symbolic(String symbol) implements Dimension {
        @Override
        public String toString() {
            return symbol;
        }
    }

    @Override
    public String toString() {
        return name + shape;
    }
}
