package dev.nitrate.engine.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.testing.TestMedia;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keyframe index behind quick jumps, and decoding on within a group of pictures instead of seeking back. */
class KeyFrameIndexTest {

    @TempDir
    Path folder;

    @Test
    void aLongGopFilmHasItsKeyframeAtTheStartAndForwardReadsMatchFreshReads() throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("long-gop.mp4"), 96, 64, 120, new Rational(25, 1));
        try (FilmReader reader = Films.open(film, FilmOpenOptions.defaults())) {
            assertEquals(0, reader.keyFrameAtOrBefore(100), "x264's default group of pictures (250) spans the film");
            assertEquals(0, reader.keyFrameAtOrBefore(0));
            reader.read(10);
            byte[] onward = reader.read(100).pixels().toRgb8();
            byte[] skipped = reader.read(103).pixels().toRgb8();
            try (FilmReader fresh = Films.open(film, FilmOpenOptions.defaults())) {
                assertArrayEquals(fresh.read(100).pixels().toRgb8(), onward, "frame 100 decoded on from frame 10");
                assertArrayEquals(fresh.read(103).pixels().toRgb8(), skipped, "frame 103 decoded on from frame 100");
                assertArrayEquals(fresh.read(11).pixels().toRgb8(), reader.read(11).pixels().toRgb8(), "back again");
            }
        }
    }

    @Test
    void everyFrameOfAnImageSequenceIsItsOwnKeyframe() throws Exception {
        try (FilmReader reader = Films.open(Path.of("src/test/resources/metrics/agreement/gt"), FilmOpenOptions.defaults())) {
            assertEquals(7, reader.keyFrameAtOrBefore(7));
        }
        Path film = TestMedia.numberedFilm(folder.resolve("short.mp4"), 64, 48, 8, new Rational(25, 1));
        try (FilmReader reader = Films.open(film, FilmOpenOptions.defaults())) {
            assertTrue(reader.keyFrameAtOrBefore(7) <= 7);
        }
    }
}
