package dev.nitrate.cli;

import dev.nitrate.engine.video.FilmOpenOptions;
import dev.nitrate.engine.video.Films;
import dev.nitrate.engine.video.Rational;
import picocli.CommandLine.Option;

/** Options every film command shares. */
final class CommonOptions {

    @Option(names = "--verbose", description = "Show stack traces and FFmpeg's own messages.")
    boolean verbose;

    @Option(names = "--fps", paramLabel = "RATE", description = "Frame rate of an image sequence, e.g. 24 or 24000/1001 (default: 24).")
    String sequenceFrameRate;

    FilmOpenOptions openOptions() {
        Rational rate = sequenceFrameRate == null ? FilmOpenOptions.DEFAULT_SEQUENCE_RATE : Rational.parse(sequenceFrameRate);
        return new FilmOpenOptions(rate, false);
    }

    void apply() {
        Films.showFfmpegLog(verbose);
    }
}
