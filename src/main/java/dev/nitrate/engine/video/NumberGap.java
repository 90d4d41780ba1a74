package dev.nitrate.engine.video;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A run of file numbers missing from a numbered image sequence.
 *
 * @param first the first missing number
 * @param last the last missing number (equal to {@code first} for a single missing file)
 */
public record NumberGap(long first, long last) {

    public NumberGap {
        if (last < first) {
            throw new IllegalArgumentException("a gap ends before it starts: " + first + "-" + last);
        }
    }

    /** How many numbers are missing. */
    public long size() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first == last ? Long.toString(first) : first + "-" + last;
    }

    /** Words for a list of gaps, e.g. {@code frame 10} or {@code frames 10, 15-17}. */
    public static String describe(List<NumberGap> gaps) {
        long missing = gaps.stream().mapToLong(NumberGap::size).sum();
        return (missing == 1 ? "frame " : "frames ") + gaps.stream().map(NumberGap::toString).collect(Collectors.joining(", "));
    }

    /** The gaps in rising, distinct numbers. */
    static List<NumberGap> in(List<Long> sortedNumbers) {
        List<NumberGap> gaps = new java.util.ArrayList<>();
        for (int i = 1; i < sortedNumbers.size(); i++) {
            long previous = sortedNumbers.get(i - 1);
            long next = sortedNumbers.get(i);
            if (next > previous + 1) {
                gaps.add(new NumberGap(previous + 1, next - 1));
            }
        }
        return List.copyOf(gaps);
    }
}
