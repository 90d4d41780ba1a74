package dev.nitrate.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.adapters.EngineFilmOpener;
import dev.nitrate.app.media.FilmProxies;
import dev.nitrate.engine.video.DecodedFrame;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.testing.PixelDifference;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scrub decoding: a jump far past a keyframe shows the keyframe first, or with a proxy the exact frame from the proxy;
 * decoding on needs no such picture; small while moving; an overtaken request stops decoding.
 */
class FrameDecoderTest {

    @TempDir
    Path work;

    @Test
    void aJumpShowsItsKeyframeFirstUnlessTheReaderDecodesOnAndAnOvertakenJumpStops() throws Exception {
        Path film = TestMedia.numberedFilm(work.resolve("long-gop.mp4"), 96, 64, 120, new Rational(25, 1));
        List<Long> keyframes = new CopyOnWriteArrayList<>();
        FrameDecoder decoder = new FrameDecoder(new EngineFilmOpener(), noProxies(), 1920, frame -> keyframes.add(frame.index()));
        try {
            assertEquals(100, decoder.run(new FrameDecoder.Request(film, 100, 1920), () -> false).index());
            assertEquals(List.of(0L), keyframes, "frame 0 is the keyframe before frame 100");
            assertEquals(110, decoder.run(new FrameDecoder.Request(film, 110, 1920), () -> false).index());
            assertEquals(List.of(0L), keyframes, "decoding on from frame 100 needs no keyframe picture");
            assertNull(decoder.run(new FrameDecoder.Request(film, 50, 1920), () -> !keyframes.isEmpty() && keyframes.size() > 1),
                    "a jump overtaken once its keyframe is shown stops there");
            assertEquals(List.of(0L, 0L), keyframes);
            assertNull(decoder.run(new FrameDecoder.Request(film, 60, 1920), () -> true), "an overtaken jump decodes nothing");
            assertEquals(List.of(0L, 0L), keyframes);
            DecodedFrame moving = decoder.run(new FrameDecoder.Request(film, 110, 48), () -> false);
            assertEquals(48, moving.width(), "smaller while the playhead moves, from the frames kept");
        } finally {
            decoder.releaseReader();
        }
    }

    @Test
    void withAProxyAJumpShowsTheExactFrameFromTheProxyThenTheFilmsOwnPicture() throws Exception {
        Path film = TestMedia.writeVideo(work.resolve("wide.mp4"), "mp4", VideoCodec.H264, 1200, 200, 90, new Rational(25, 1),
                i -> TestMedia.numberedGrayFrame(i, 1200, 200));
        FilmProxies proxies = new FilmProxies(new EngineFilmOpener(), work.resolve("proxies"));
        assertInstanceOf(FilmProxies.Built.class, proxies.prepare(film, () -> false));
        List<DecodedFrame> early = new CopyOnWriteArrayList<>();
        FrameDecoder decoder = new FrameDecoder(new EngineFilmOpener(), proxies, 1920, early::add);
        try (FilmReader reader = new EngineFilmOpener().open(film)) {
            DecodedFrame full = decoder.run(new FrameDecoder.Request(film, 77, 1920), () -> false);
            assertEquals(1, early.size(), "one early picture");
            assertEquals(77, early.get(0).index(), "the proxy's picture of frame 77 itself, not its keyframe");
            assertEquals(960, early.get(0).width());
            assertEquals(77, full.index());
            assertEquals(1200, full.width());
            byte[] exact = reader.read(77).pixels().toRgb8();
            assertTrue(PixelDifference.mean(exact, full.pixels().toRgb8()) < 2, "then the film's own frame 77 at full size");
            assertTrue(PixelDifference.mean(reader.read(76).pixels().toRgb8(), full.pixels().toRgb8()) > PixelDifference.mean(exact, full.pixels().toRgb8()));

            DecodedFrame moving = decoder.run(new FrameDecoder.Request(film, 31, FilmProxies.SIZE), () -> false);
            assertEquals(31, moving.index());
            assertEquals(960, moving.width(), "while moving the proxy alone answers");
            assertEquals(1, early.size());
            assertNull(decoder.run(new FrameDecoder.Request(film, 50, 1920), () -> early.size() > 1), "overtaken after the proxy picture");
            assertEquals(50, early.get(1).index());
        } finally {
            decoder.releaseReader();
        }
    }

    private FilmProxies noProxies() {
        return new FilmProxies(new EngineFilmOpener(), work.resolve("no-proxies"));
    }
}
