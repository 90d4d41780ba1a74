package dev.nitrate.app.preview;

/** How a colorize run ended. */
public sealed interface ColorizeOutcome {

    /** One line for the user. */
    String describe();

    record Completed(int frames, double framesPerSecond) implements ColorizeOutcome {
        @Override
        public String describe() {
            return String.format("Done: %d frames, %.1f frames/s", frames, framesPerSecond);
        }
    }

    record Cancelled(int frames) implements ColorizeOutcome {
        @Override
        public String describe() {
            return "Cancelled after " + frames + " frames";
        }
    }

    record Failed(String message) implements ColorizeOutcome {
        @Override
        public String describe() {
            return message;
        }
    }
}
