package dev.nitrate.app.media;

import java.nio.file.Path;

/** What the editor needs to know about an opened film. */
public record FilmInfo(Path source, int width, int height, int frameCount, double framesPerSecond, boolean hasAudio) {

    public FilmInfo {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("film size must be positive: " + width + "x" + height);
        }
        if (frameCount <= 0) {
            throw new IllegalArgumentException("film has no frames: " + source);
        }
        if (!(framesPerSecond > 0)) {
            framesPerSecond = 25;
        }
    }

    /** The frame rate as {@code nitrate info} shows it: a whole number, or three decimals (30000/1001 is 29.970). */
    public String frameRateText() {
        long whole = Math.round(framesPerSecond);
        if (Math.abs(framesPerSecond - whole) < 1e-9) {
            return Long.toString(whole);
        }
        return String.format(java.util.Locale.ROOT, "%.3f", framesPerSecond);
    }

    /** hh:mm:ss:ff of a frame index. */
    public String timecode(int frame) {
        int fps = (int) Math.round(framesPerSecond);
        int totalSeconds = frame / fps;
        return String.format("%02d:%02d:%02d:%02d", totalSeconds / 3600, totalSeconds / 60 % 60, totalSeconds % 60, frame % fps);
    }
}
