package dev.nitrate.engine.render;

import java.time.Duration;
import java.util.Optional;

/**
 * How far a render is.
 *
 * @param phase what it is doing
 * @param done units of the phase finished (frames)
 * @param total units of the phase in all
 * @param elapsed time since the phase began
 * @param framesPerSecond speed over this run of the phase
 * @param eta estimated time until the phase ends, once a speed is known
 */
public record Progress(Phase phase, long done, long total, Duration elapsed, double framesPerSecond, Optional<Duration> eta) {

    /** The phases of a render, in order. */
    public enum Phase {
        DETECTING_SHOTS("shots"),
        COLORIZING("colorize"),
        ASSEMBLING("assemble");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public double fraction() {
        return total == 0 ? 1.0 : (double) done / total;
    }
}
