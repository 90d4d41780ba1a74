package dev.nitrate.app.media;

import dev.nitrate.engine.video.FilmInfo;

/** What the editor shows of a film the {@link FilmOpener} opened, from the engine's {@link FilmInfo}. */
public final class FilmFacts {

    private FilmFacts() {}

    /** The frame count, which fits an {@code int} for every film the opener accepts. */
    public static int frameCount(FilmInfo info) {
        return Math.toIntExact(info.frameCount());
    }

    /** hh:mm:ss:ff of a frame index, counting whole frames at the rounded frame rate. */
    public static String timecode(FilmInfo info, int frame) {
        int fps = Math.max(1, (int) Math.round(info.frameRate().toDouble()));
        int totalSeconds = frame / fps;
        return String.format("%02d:%02d:%02d:%02d", totalSeconds / 3600, totalSeconds / 60 % 60, totalSeconds % 60, frame % fps);
    }
}
