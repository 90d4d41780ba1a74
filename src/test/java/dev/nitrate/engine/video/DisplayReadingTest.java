package dev.nitrate.engine.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.testing.PixelDifference;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random access that skips the frames nothing refers to, and the display path: on a long-GOP H.264 film with B-frame
 * pyramids every jump gives exactly the frame a sequential decode gives, a stopped run leaves the reader exact, and display
 * pictures are the frame scaled down.
 */
class DisplayReadingTest {

    private static final int FRAMES = 90;

    @TempDir
    static Path folder;
    private static Path film;
    private static final List<byte[]> sequential = new ArrayList<>();

    @BeforeAll
    static void decodeInOrder() throws Exception {
        film = TestMedia.writeVideo(folder.resolve("long-gop.mp4"), "mp4", VideoCodec.H264, 160, 96, FRAMES, new Rational(25, 1),
                i -> TestMedia.sceneFrame(i / 30, i, 160, 96));
        try (FilmReader reader = Films.open(film, FilmOpenOptions.defaults())) {
            for (int i = 0; i < FRAMES; i++) {
                sequential.add(reader.read(i).pixels().toRgb8());
            }
        }
    }

    @Test
    void jumpsBackAndForthGiveExactlyTheSequentialFrames() throws Exception {
        Random random = new Random(5);
        try (FilmReader reader = Films.open(film, FilmOpenOptions.defaults())) {
            for (int jump = 0; jump < 60; jump++) {
                int frame = random.nextInt(FRAMES);
                assertArrayEquals(sequential.get(frame), reader.read(frame).pixels().toRgb8(), "frame " + frame + " after a jump");
                if (frame + 1 < FRAMES) {
                    assertArrayEquals(sequential.get(frame + 1), reader.read(frame + 1).pixels().toRgb8(), "frame " + (frame + 1) + " read on");
                }
            }
        }
    }

    @Test
    void displayPicturesAreTheFrameAndAStoppedRunLeavesTheReaderExact() throws Exception {
        try (FilmReader reader = Films.open(film, FilmOpenOptions.defaults())) {
            RgbPixels.Rgb8 full = reader.readForDisplay(70, 0, 0, () -> false).orElseThrow();
            assertEquals(160, full.width());
            assertTrue(PixelDifference.mean(sequential.get(70), full.rgb()) < 3, "the display conversion of frame 70 is the frame");
            RgbPixels.Rgb8 small = reader.readForDisplay(71, 80, 80, () -> false).orElseThrow();
            assertEquals(80, small.width());
            assertEquals(48, small.height());
            byte[] reduced = dev.nitrate.engine.image.Resampler.areaAverageRgb8(sequential.get(71), 160, 96, 80, 48);
            assertTrue(PixelDifference.mean(reduced, small.rgb()) < 3, "frame 71 at half size");

            AtomicInteger polls = new AtomicInteger();
            assertTrue(reader.readForDisplay(5, 0, 0, () -> polls.incrementAndGet() > 3).isEmpty(), "a run towards frame 5 stopped early");
            assertArrayEquals(sequential.get(40), reader.read(40).pixels().toRgb8(), "after a stopped run");
            assertArrayEquals(sequential.get(41), reader.read(41).pixels().toRgb8());
            assertTrue(reader.readForDisplay(60, 0, 0, () -> true).isEmpty());
            assertArrayEquals(sequential.get(42), reader.read(42).pixels().toRgb8(), "decoding on after a refused run");
        }
    }

    @Test
    void jumpsInAnHevcFilmAreExactToo() throws Exception {
        Assumptions.assumeTrue(VideoCodec.H265.isAvailable(), "this FFmpeg build has no libx265");
        Path hevc = TestMedia.writeVideo(folder.resolve("long-gop.mkv"), "matroska", VideoCodec.H265, 160, 96, 60, new Rational(25, 1),
                i -> TestMedia.sceneFrame(i / 30, i, 160, 96));
        List<byte[]> inOrder = new ArrayList<>();
        try (FilmReader reader = Films.open(hevc, FilmOpenOptions.defaults())) {
            for (int i = 0; i < 60; i++) {
                inOrder.add(reader.read(i).pixels().toRgb8());
            }
        }
        Random random = new Random(8);
        try (FilmReader reader = Films.open(hevc, FilmOpenOptions.defaults())) {
            for (int jump = 0; jump < 30; jump++) {
                int frame = random.nextInt(60);
                assertArrayEquals(inOrder.get(frame), reader.read(frame).pixels().toRgb8(), "HEVC frame " + frame + " after a jump");
            }
        }
    }
}
