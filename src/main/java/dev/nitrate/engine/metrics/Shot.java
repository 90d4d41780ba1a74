package dev.nitrate.engine.metrics;

/** A shot in an evaluation report: a run of frames between two hard cuts: frames {@code first} to {@code first + length - 1}. */
public record Shot(int index, int first, int length) {

    public Shot {
        if (index < 0 || first < 0 || length <= 0) {
            throw new IllegalArgumentException("bad shot: index " + index + ", first " + first + ", length " + length);
        }
    }

    public int last() {
        return first + length - 1;
    }
}
