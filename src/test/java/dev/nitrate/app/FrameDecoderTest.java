package dev.nitrate.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nitrate.app.adapters.EngineFilmOpener;
import dev.nitrate.engine.video.DecodedFrame;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scrub decoding: a jump far past a keyframe shows the keyframe first; decoding on needs no such picture; small while moving. */
class FrameDecoderTest {

    @TempDir
    Path work;

    @Test
    void aJumpShowsItsKeyframeFirstUnlessTheReaderDecodesOnAndAnOvertakenJumpStopsThere() throws Exception {
        Path film = TestMedia.numberedFilm(work.resolve("long-gop.mp4"), 96, 64, 120, new Rational(25, 1));
        List<Long> keyframes = new CopyOnWriteArrayList<>();
        FrameDecoder decoder = new FrameDecoder(new EngineFilmOpener(), 1920, frame -> keyframes.add(frame.index()));
        try {
            assertEquals(100, decoder.run(new FrameDecoder.Request(film, 100, 1920), () -> false).index());
            assertEquals(List.of(0L), keyframes, "frame 0 is the keyframe before frame 100");
            assertEquals(110, decoder.run(new FrameDecoder.Request(film, 110, 1920), () -> false).index());
            assertEquals(List.of(0L), keyframes, "decoding on from frame 100 needs no keyframe picture");
            assertNull(decoder.run(new FrameDecoder.Request(film, 50, 1920), () -> true), "an overtaken jump stops at its keyframe");
            assertEquals(List.of(0L, 0L), keyframes);
            DecodedFrame moving = decoder.run(new FrameDecoder.Request(film, 110, 48), () -> false);
            assertEquals(48, moving.width(), "smaller while the playhead moves, from the frames kept");
        } finally {
            decoder.releaseReader();
        }
    }
}
