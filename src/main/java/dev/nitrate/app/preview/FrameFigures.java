package dev.nitrate.app.preview;

import java.util.OptionalDouble;

/**
 * What the editor plots for one previewed frame.
 *
 * @param colourfulness Hasler and Süsstrunk's colourfulness of the colorized frame (0: gray; about 15: slightly
 *     colourful; 33 and more: clearly colourful)
 * @param colourChange how far the frame's colour histograms moved from the previous previewed frame's (Jensen-Shannon
 *     divergence, mean over R, G and B; the term the CDC averages); empty for the first frame of a run
 * @param confidence the colorizer's per-frame confidence score in [0, 1], when it estimates one
 */
public record FrameFigures(double colourfulness, OptionalDouble colourChange, OptionalDouble confidence) {

    /** Below this colourfulness a frame looks nearly gray. */
    public static final double DULL = 15;
    /** Above this colour change the colours jump between two frames. */
    public static final double JUMP = 0.05;
    /** Below this score at least about half of the frame's colour is guessed. */
    public static final double UNSURE = 0.5;

    public boolean dull() {
        return colourfulness < DULL;
    }

    public boolean jumps() {
        return colourChange.isPresent() && colourChange.getAsDouble() > JUMP;
    }

    public boolean unsure() {
        return confidence.isPresent() && confidence.getAsDouble() < UNSURE;
    }
}
