package dev.nitrate.engine.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.colormnet.PackColorizerFactory;
import dev.nitrate.engine.exemplar.ExemplarFit;
import dev.nitrate.engine.exemplar.PinnedExemplar;
import dev.nitrate.engine.video.FilmOpenOptions;
import dev.nitrate.engine.video.ImageFileWriter;
import dev.nitrate.engine.video.ImageFormat;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.RgbPixels;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resume through the real {@link PackColorizerFactory} on the toy pack, whose memory bank and hidden
 * state carry over from frame to frame: a resumed render is only right if the checkpointed state is restored.
 */
class PackResumeTest {

    private static final int FRAMES = 24;
    private static final int SEGMENT = 6;
    private static final int CANCEL_AFTER = 14;
    private static final int RESUME_AT = 12;

    @TempDir
    Path folder;

    private static PackLocation toyPack() throws Exception {
        return new PackLocation.Folder(Path.of(PackResumeTest.class.getResource("/packs/toy/pack.json").toURI()).getParent());
    }

    /** Hue turning across the image, so the memory's values differ from place to place. */
    private Path colourfulExemplar(Path file) throws Exception {
        int width = 112;
        int height = 64;
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                rgb[i] = (byte) (40 + 200 * x / width);
                rgb[i + 1] = (byte) (220 - 180 * y / height);
                rgb[i + 2] = (byte) (60 + 150 * ((x + y) % 32) / 32);
            }
        }
        ImageFileWriter.write(new RgbPixels.Rgb8(width, height, rgb), ImageFormat.PNG, file);
        return file;
    }

    private PackLocation pack;

    private RenderRequest request(Path film, Path exemplar, OptionalLong pinnedAt, Optional<FrameRange> frames, Path output) throws Exception {
        return new RenderRequest(film, FilmOpenOptions.defaults(), List.of(new PinnedExemplar(exemplar, pinnedAt)), ExemplarFit.STRETCH, frames,
                new OutputSpec(output, OutputFormat.PNG, 18, false, "veryfast"), pack, InferenceOptions.cpu(), SEGMENT);
    }

    private static RenderOutcome render(RenderRequest request) {
        return new RenderJob(request, new PackColorizerFactory(), RenderListener.SILENT).run();
    }

    private static byte[] frame(Path frames, int index) throws Exception {
        return Files.readAllBytes(frames.resolve(String.format("frame_%06d.png", index)));
    }

    @Test
    void aCancelledPackRenderResumesFromItsSavedStateToTheSameFrames() throws Exception {
        pack = toyPack();
        resumesToTheSameFrames();
    }

    /** The built-in pack with its flow stage: the previous frame's colour, luma and confidence are state too. */
    @Test
    void aCancelledRenderWithTheFlowStageResumesToTheSameFrames() throws Exception {
        pack = PackLocation.BUILTIN;
        resumesToTheSameFrames();
    }

    private void resumesToTheSameFrames() throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 112, 64, FRAMES, new Rational(25, 1));
        Path exemplar = colourfulExemplar(folder.resolve("exemplar.png"));
        Path reference = folder.resolve("reference");
        assertInstanceOf(RenderOutcome.Completed.class, render(request(film, exemplar, OptionalLong.empty(), Optional.empty(), reference)));

        Path freshStart = folder.resolve("fresh-start");
        RenderOutcome fresh = render(request(film, exemplar, OptionalLong.of(RESUME_AT), Optional.of(new FrameRange(RESUME_AT, FRAMES - 1)), freshStart));
        assertInstanceOf(RenderOutcome.Completed.class, fresh, fresh.toString());
        assertFalse(java.util.Arrays.equals(frame(reference, RESUME_AT + 1), frame(freshStart, RESUME_AT + 1)),
                "the pack's state shows in the frames: starting afresh at frame " + RESUME_AT + " colours differently");

        Path resumed = folder.resolve("resumed");
        RenderRequest request = request(film, exemplar, OptionalLong.empty(), Optional.empty(), resumed);
        AtomicReference<RenderJob> job = new AtomicReference<>();
        job.set(new RenderJob(request, new PackColorizerFactory(), new RenderListener() {
            @Override
            public void progress(Progress progress) {
                if (progress.phase() == Progress.Phase.COLORIZING && progress.done() == CANCEL_AFTER) {
                    job.get().cancel();
                }
            }
        }));
        assertEquals(new RenderOutcome.Cancelled(RESUME_AT), job.get().run());
        RenderOutcome second = render(request);
        RenderOutcome.Completed completed = assertInstanceOf(RenderOutcome.Completed.class, second, second.toString());
        assertEquals(RESUME_AT, completed.resumedAtFrame());
        for (int i = 0; i < FRAMES; i++) {
            assertArrayEquals(frame(reference, i), frame(resumed, i), "frame " + i);
        }
    }
}
