package dev.nitrate.engine.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nitrate.engine.color.LumaMatch;
import dev.nitrate.engine.exemplar.PinnedExemplar;
import dev.nitrate.engine.video.DecodedFrame;
import dev.nitrate.engine.video.FilmInfo;
import dev.nitrate.engine.video.FilmOpenOptions;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.Films;
import dev.nitrate.engine.video.ImageFormat;
import dev.nitrate.engine.video.MediaProbe;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.RgbPixels;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.testing.MeanChromaColorizerFactory;
import dev.nitrate.testing.Renders;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderJobTest {

    @TempDir
    Path folder;

    private List<PinnedExemplar> orange() throws Exception {
        return List.of(new PinnedExemplar(Renders.solidExemplar(folder.resolve("orange.png"), 230, 120, 30), java.util.OptionalLong.empty()));
    }

    @Test
    void rendersAnH264Mp4WithTheSourceFrameCountRateAndColour() throws Exception {
        Rational rate = new Rational(24000, 1001);
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 96, 64, 50, rate);
        Path output = folder.resolve("out.mp4");
        RenderOutcome outcome = Renders.render(Renders.request(film, orange(), output, OutputFormat.H264, false, Optional.empty(), 16));
        assertInstanceOf(RenderOutcome.Completed.class, outcome, outcome.toString());
        FilmInfo info = Films.probe(output, FilmOpenOptions.defaults());
        assertEquals("h264", info.codec());
        assertEquals("yuv420p", info.pixelFormat());
        assertEquals(50, info.frameCount());
        assertEquals(rate, info.frameRate());
        try (FilmReader reader = Films.open(output, FilmOpenOptions.defaults())) {
            byte[] rgb = reader.read(25).pixels().toRgb8();
            int i = (40 * 96 + 48) * 3;
            assertTrue((rgb[i] & 0xFF) > (rgb[i + 2] & 0xFF) + 20, "orange exemplar makes red exceed blue");
        }
        assertFalse(Files.exists(folder.resolve(".out.mp4.nitrate-work")), "work folder removed after success");
    }

    @Test
    void audioIsCopiedUnchanged() throws Exception {
        Path film = TestMedia.filmWithAudio(folder, 40, new Rational(25, 1));
        Path output = folder.resolve("with-audio-out.mkv");
        RenderOutcome outcome = Renders.render(Renders.request(film, orange(), output, OutputFormat.H264, false, Optional.empty(), 16));
        assertInstanceOf(RenderOutcome.Completed.class, outcome, outcome.toString());
        FilmInfo info = Films.probe(output, FilmOpenOptions.defaults());
        assertEquals(1, info.audioStreams().size());
        assertEquals(MediaProbe.audioPayloadDigests(film), MediaProbe.audioPayloadDigests(output));
        assertEquals(40, info.frameCount());
    }

    @Test
    void audioIsLeftOutWhenCopyAudioIsOff() throws Exception {
        Path film = TestMedia.filmWithAudio(folder, 40, new Rational(25, 1));
        Path output = folder.resolve("silent-out.mkv");
        RenderRequest withAudio = Renders.request(film, orange(), output, OutputFormat.H264, false, Optional.empty(), 16);
        RenderRequest silent = new RenderRequest(withAudio.film(), withAudio.openOptions(), withAudio.exemplars(), withAudio.fit(),
                withAudio.frames(), new OutputSpec(output, OutputFormat.H264, 18, false, "veryfast", false), withAudio.pack(),
                withAudio.inference(), withAudio.segmentFrames());
        RenderOutcome outcome = Renders.render(silent);
        assertInstanceOf(RenderOutcome.Completed.class, outcome, outcome.toString());
        FilmInfo info = Films.probe(output, FilmOpenOptions.defaults());
        assertEquals(0, info.audioStreams().size());
        assertEquals(40, info.frameCount());
    }

    /** 160x30: orange at both ends, blue in the middle half, so stretch, crop and pad give different mean colours. */
    private Path wideExemplar(Path file) throws Exception {
        int width = 160;
        int height = 30;
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean middle = x >= 40 && x < 120;
                int i = (y * width + x) * 3;
                rgb[i] = (byte) (middle ? 30 : 230);
                rgb[i + 1] = (byte) (middle ? 60 : 120);
                rgb[i + 2] = (byte) (middle ? 220 : 30);
            }
        }
        dev.nitrate.engine.video.ImageFileWriter.write(new RgbPixels.Rgb8(width, height, rgb), ImageFormat.PNG, file);
        return file;
    }

    private byte[] frameBytes(Path frames, int frame) throws Exception {
        return Files.readAllBytes(frames.resolve(String.format("frame_%06d.png", frame)));
    }

    @Test
    void eachExemplarIsFittedWithItsOwnFit() throws Exception {
        int[] scene = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
        Path film = TestMedia.writeVideo(folder.resolve("two-shots.mp4"), "mp4", VideoCodec.H264, 64, 48, 20, new Rational(25, 1),
                i -> TestMedia.sceneFrame(scene[i], i, 64, 48));
        Path wide = wideExemplar(folder.resolve("wide.png"));
        List<PinnedExemplar> ownFits = List.of(
                new PinnedExemplar(wide, java.util.OptionalLong.of(0), Optional.of(dev.nitrate.engine.exemplar.ExemplarFit.PAD)),
                new PinnedExemplar(wide, java.util.OptionalLong.of(12), Optional.of(dev.nitrate.engine.exemplar.ExemplarFit.CROP)));
        List<PinnedExemplar> defaultFits = List.of(new PinnedExemplar(wide, java.util.OptionalLong.of(0)),
                new PinnedExemplar(wide, java.util.OptionalLong.of(12)));
        Path mixed = folder.resolve("mixed");
        Path allPad = folder.resolve("pad");
        Path allCrop = folder.resolve("crop");
        for (var render : List.of(java.util.Map.entry(mixed, ownFits), java.util.Map.entry(allPad, defaultFits), java.util.Map.entry(allCrop, defaultFits))) {
            RenderRequest base = Renders.request(film, render.getValue(), render.getKey(), OutputFormat.PNG, false, Optional.empty(), 8);
            dev.nitrate.engine.exemplar.ExemplarFit defaultFit = render.getKey().equals(allCrop)
                    ? dev.nitrate.engine.exemplar.ExemplarFit.CROP : dev.nitrate.engine.exemplar.ExemplarFit.PAD;
            if (render.getKey().equals(mixed)) {
                defaultFit = dev.nitrate.engine.exemplar.ExemplarFit.STRETCH;
            }
            RenderOutcome outcome = Renders.render(new RenderRequest(base.film(), base.openOptions(), base.exemplars(), defaultFit, base.frames(),
                    base.output(), base.pack(), base.inference(), base.segmentFrames()));
            assertInstanceOf(RenderOutcome.Completed.class, outcome, outcome.toString());
        }
        assertFalse(java.util.Arrays.equals(frameBytes(allPad, 5), frameBytes(allCrop, 5)), "pad and crop colour differently");
        assertArrayEquals(frameBytes(allPad, 5), frameBytes(mixed, 5), "first shot: its exemplar's own fit, pad");
        assertArrayEquals(frameBytes(allCrop, 15), frameBytes(mixed, 15), "second shot: its exemplar's own fit, crop");
    }

    @Test
    void aRealClipKeepsItsAacAudioAndLanguageInMp4() throws Exception {
        Path clip = Path.of("src/test/resources/media/cup.mp4");
        Path output = folder.resolve("cup-colour.mp4");
        RenderOutcome outcome = Renders.render(Renders.request(clip, orange(), output, OutputFormat.H264, false, Optional.of(new FrameRange(0, 216)), 120));
        assertInstanceOf(RenderOutcome.Completed.class, outcome, outcome.toString());
        FilmInfo source = Films.probe(clip, FilmOpenOptions.defaults());
        FilmInfo written = Films.probe(output, FilmOpenOptions.defaults());
        assertEquals(source.frameCount(), written.frameCount());
        assertEquals(source.frameRate(), written.frameRate());
        assertEquals(source.audioStreams().get(0).codec(), written.audioStreams().get(0).codec());
        assertEquals(source.audioStreams().get(0).language(), written.audioStreams().get(0).language());
        assertEquals(MediaProbe.audioPayloadDigests(clip), MediaProbe.audioPayloadDigests(output));
    }

    @Test
    void lumaLockKeepsTheDecodedYPlaneOfTheSource() throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 96, 64, 30, new Rational(25, 1));
        Path output = folder.resolve("locked.mp4");
        RenderOutcome outcome = Renders.render(Renders.request(film, orange(), output, OutputFormat.H264, true, Optional.empty(), 16));
        assertInstanceOf(RenderOutcome.Completed.class, outcome, outcome.toString());
        List<byte[]> source = MediaProbe.decodeLuma(film);
        List<byte[]> written = MediaProbe.decodeLuma(output);
        assertEquals(source.size(), written.size());
        for (int f = 0; f < source.size(); f++) {
            byte[] s = source.get(f);
            byte[] w = written.get(f);
            for (int i = 0; i < s.length; i++) {
                assertTrue(Math.abs((s[i] & 0xFF) - (w[i] & 0xFF)) <= 1, "frame " + f + " pixel " + i);
            }
        }
        assertArrayEquals(source.get(7), written.get(7), "lossless: exact");
    }

    @Test
    void pngFramesKeepTheSourceLumaExactly() throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 64, 48, 6, new Rational(25, 1));
        Path output = folder.resolve("frames");
        RenderOutcome outcome = Renders.render(Renders.request(film, orange(), output, OutputFormat.PNG, false, Optional.empty(), 4));
        assertInstanceOf(RenderOutcome.Completed.class, outcome, outcome.toString());
        try (FilmReader source = Films.open(film, FilmOpenOptions.defaults()); FilmReader written = Films.open(output, FilmOpenOptions.defaults())) {
            assertEquals(6, written.info().frameCount());
            for (int f = 0; f < 6; f++) {
                byte[] s = source.read(f).pixels().toRgb8();
                byte[] w = written.read(f).pixels().toRgb8();
                boolean coloured = false;
                for (int i = 0; i < s.length; i += 3) {
                    assertEquals(LumaMatch.luma(s[i] & 0xFF, s[i + 1] & 0xFF, s[i + 2] & 0xFF), LumaMatch.luma(w[i] & 0xFF, w[i + 1] & 0xFF, w[i + 2] & 0xFF));
                    coloured |= w[i] != w[i + 2];
                }
                assertTrue(coloured);
            }
        }
    }

    @Test
    void writesSixteenBitTiffSequences() throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 64, 48, 5, new Rational(25, 1));
        Path output = folder.resolve("tiffs");
        RenderOutcome outcome = Renders.render(Renders.request(film, orange(), output, OutputFormat.TIFF, false, Optional.empty(), 2));
        assertInstanceOf(RenderOutcome.Completed.class, outcome, outcome.toString());
        FilmInfo info = Films.probe(output, FilmOpenOptions.defaults());
        assertEquals(5, info.frameCount());
        assertEquals(16, info.bitDepth());
        assertEquals("tiff", info.codec());
    }

    @Test
    void writesH265WhereAvailable() throws Exception {
        assumeTrue(VideoCodec.H265.isAvailable(), "no libx265 in this FFmpeg build");
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 64, 48, 12, new Rational(30000, 1001));
        Path output = folder.resolve("out-hevc.mp4");
        RenderOutcome outcome = Renders.render(Renders.request(film, orange(), output, OutputFormat.H265, false, Optional.empty(), 5));
        assertInstanceOf(RenderOutcome.Completed.class, outcome, outcome.toString());
        FilmInfo info = Films.probe(output, FilmOpenOptions.defaults());
        assertEquals("hevc", info.codec());
        assertEquals(12, info.frameCount());
        assertEquals(new Rational(30000, 1001), info.frameRate());
    }

    @Test
    void aCancelledRenderResumesToTheSameFramesAsAnUninterruptedOne() throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 80, 48, 60, new Rational(25, 1));
        Path reference = folder.resolve("reference.mp4");
        assertInstanceOf(RenderOutcome.Completed.class, Renders.render(Renders.request(film, orange(), reference, OutputFormat.H264, false, Optional.empty(), 8)));
        Path resumed = folder.resolve("resumed.mp4");
        RenderRequest request = Renders.request(film, orange(), resumed, OutputFormat.H264, false, Optional.empty(), 8);
        AtomicReference<RenderJob> job = new AtomicReference<>();
        job.set(new RenderJob(request, new MeanChromaColorizerFactory(), new RenderListener() {
            @Override
            public void progress(Progress progress) {
                if (progress.phase() == Progress.Phase.COLORIZING && progress.done() == 29) {
                    job.get().cancel();
                }
            }
        }));
        RenderOutcome first = job.get().run();
        assertEquals(new RenderOutcome.Cancelled(24), first);
        assertFalse(Files.exists(resumed), "no output under the final name before completion");
        RenderOutcome second = Renders.render(request);
        RenderOutcome.Completed completed = assertInstanceOf(RenderOutcome.Completed.class, second);
        assertEquals(24, completed.resumedAtFrame());
        List<byte[]> expected = MediaProbe.decodeAll(reference);
        List<byte[]> actual = MediaProbe.decodeAll(resumed);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "frame " + i);
        }
    }

    @Test
    void unfinishedWorkOfOtherSettingsIsReplacedWithANote() throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 80, 48, 30, new Rational(25, 1));
        Path output = folder.resolve("out.mp4");
        AtomicReference<RenderJob> job = new AtomicReference<>();
        job.set(new RenderJob(Renders.request(film, orange(), output, OutputFormat.H264, false, Optional.empty(), 8),
                new MeanChromaColorizerFactory(), new RenderListener() {
                    @Override
                    public void progress(Progress progress) {
                        if (progress.phase() == Progress.Phase.COLORIZING && progress.done() == 12) {
                            job.get().cancel();
                        }
                    }
                }));
        assertEquals(new RenderOutcome.Cancelled(8), job.get().run());
        List<String> warnings = new ArrayList<>();
        RenderOutcome second = new RenderJob(Renders.request(film, orange(), output, OutputFormat.H264, false, Optional.empty(), 5),
                new MeanChromaColorizerFactory(), new RenderListener() {
                    @Override
                    public void warning(String message) {
                        warnings.add(message);
                    }
                }).run();
        RenderOutcome.Completed completed = assertInstanceOf(RenderOutcome.Completed.class, second, second.toString());
        assertEquals(0, completed.resumedAtFrame());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("used other inputs or settings; starting over")), warnings.toString());
    }

    @Test
    void eachShotStartsASequenceWithItsOwnOrInheritedExemplars() throws Exception {
        int[] sceneOf = new int[45];
        for (int i = 0; i < 45; i++) {
            sceneOf[i] = i < 15 ? 0 : i < 30 ? 1 : 2;
        }
        Path film = TestMedia.writeVideo(folder.resolve("scenes.mp4"), "mp4", VideoCodec.H264, 96, 64, 45, new Rational(25, 1),
                i -> TestMedia.sceneFrame(sceneOf[i], i, 96, 64));
        Path red = Renders.solidExemplar(folder.resolve("red.png"), 220, 40, 40);
        Path blue = Renders.solidExemplar(folder.resolve("blue.png"), 40, 60, 220);
        Path output = folder.resolve("shots.mp4");
        RenderOutcome outcome = Renders.render(Renders.request(film,
                List.of(PinnedExemplar.parse(red + "@3"), PinnedExemplar.parse(blue + "@40")), output, OutputFormat.PNG, false, Optional.empty(), 7));
        assertInstanceOf(RenderOutcome.Completed.class, outcome, outcome.toString());
        try (FilmReader reader = Films.open(output, FilmOpenOptions.defaults())) {
            assertEquals(45, reader.info().frameCount());
            for (int frame : new int[] {0, 14, 15, 29}) {
                assertTrue(redness(reader.read(frame)) > 10, "frame " + frame + " red (own shot, or inherited from the earlier one)");
            }
            for (int frame : new int[] {0, 20}) {
                assertTrue(redness(reader.read(frame)) > 0);
            }
            for (int frame : new int[] {30, 44}) {
                assertTrue(redness(reader.read(frame)) < -10, "frame " + frame + " blue");
            }
        }
    }

    private static double redness(DecodedFrame frame) {
        byte[] rgb = frame.pixels().toRgb8();
        double sum = 0;
        for (int i = 0; i < rgb.length; i += 3) {
            sum += (rgb[i] & 0xFF) - (rgb[i + 2] & 0xFF);
        }
        return sum / (rgb.length / 3.0);
    }

    @Test
    void aFrameRangeRendersOnlyThoseFrames() throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 64, 48, 40, new Rational(25, 1));
        Path output = folder.resolve("range");
        RenderOutcome outcome = Renders.render(Renders.request(film, orange(), output, OutputFormat.PNG, false, Optional.of(new FrameRange(10, 19)), 4));
        assertInstanceOf(RenderOutcome.Completed.class, outcome, outcome.toString());
        List<Path> files = new ArrayList<>();
        try (var list = Files.list(output)) {
            list.filter(f -> !f.getFileName().toString().equals(".nitrate-output")).sorted().forEach(files::add);
        }
        assertEquals(10, files.size());
        assertEquals(11, Files.readAllLines(output.resolve(".nitrate-output")).size(), "the mark lists every frame Nitrate wrote");
        assertEquals("frame_000010.png", files.get(0).getFileName().toString());
        assertEquals("frame_000019.png", files.get(9).getFileName().toString());
        assertEquals("png", Films.probe(output, FilmOpenOptions.defaults()).codec(), "the frame files are PNG images");
        try (FilmReader source = Films.open(film, FilmOpenOptions.defaults()); FilmReader written = Films.open(output, FilmOpenOptions.defaults())) {
            assertEquals(10, written.info().frameCount());
            for (int f = 0; f < 10; f++) {
                assertArrayEquals(lumaOf(source.read(10 + f)), lumaOf(written.read(f)), "file " + f + " holds source frame " + (10 + f));
            }
            assertFalse(java.util.Arrays.equals(lumaOf(source.read(0)), lumaOf(written.read(0))), "the frames differ, so the check above can tell them apart");
        }
    }

    private static int[] lumaOf(DecodedFrame frame) {
        byte[] rgb = frame.pixels().toRgb8();
        int[] luma = new int[rgb.length / 3];
        for (int i = 0; i < luma.length; i++) {
            luma[i] = LumaMatch.luma(rgb[3 * i] & 0xFF, rgb[3 * i + 1] & 0xFF, rgb[3 * i + 2] & 0xFF);
        }
        return luma;
    }
}
