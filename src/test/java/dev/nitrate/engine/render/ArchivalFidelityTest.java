package dev.nitrate.engine.render;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_BT2020;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT2020_NCL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_BT2020_10;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_SMPTE170M;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.color.LumaMatch;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.exemplar.ExemplarFit;
import dev.nitrate.engine.exemplar.PinnedExemplar;
import dev.nitrate.engine.video.ColourMedia;
import dev.nitrate.engine.video.ColourTags;
import dev.nitrate.engine.video.FilmInfo;
import dev.nitrate.engine.video.FilmOpenOptions;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.Films;
import dev.nitrate.engine.video.ImageFormat;
import dev.nitrate.engine.video.RgbPixels;
import dev.nitrate.testing.MeanChromaColorizerFactory;
import dev.nitrate.testing.Renders;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Luma lock is exact as displayed for full-range and high-bit-depth films, and colour tags reach the output. */
class ArchivalFidelityTest {

    private static final int WIDTH = 96;
    private static final int HEIGHT = 64;

    @TempDir
    Path folder;

    private final List<String> warnings = new ArrayList<>();

    private RenderOutcome render(Path film, Path output, OutputFormat format, boolean lumaLock) throws Exception {
        List<PinnedExemplar> exemplars = List.of(new PinnedExemplar(Renders.solidExemplar(folder.resolve("orange.png"), 230, 120, 30),
                java.util.OptionalLong.empty()));
        RenderRequest request = new RenderRequest(film, FilmOpenOptions.defaults(), exemplars, ExemplarFit.STRETCH, Optional.empty(),
                new OutputSpec(output, format, 18, lumaLock, "veryfast"), PackLocation.BUILTIN, InferenceOptions.cpu(), 4);
        RenderListener listener = new RenderListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };
        RenderOutcome outcome = new RenderJob(request, new MeanChromaColorizerFactory(), listener).run();
        assertInstanceOf(RenderOutcome.Completed.class, outcome, outcome.toString());
        return outcome;
    }

    /** The largest difference of Y as displayed between two films, in steps of the given depth. */
    private static double maxDisplayedDifference(ColourMedia.DecodedLuma source, ColourMedia.DecodedLuma written, int bits) {
        assertEquals(source.frames().size(), written.frames().size());
        double worst = 0;
        for (int f = 0; f < source.frames().size(); f++) {
            for (int i = 0; i < source.frames().get(f).length; i++) {
                worst = Math.max(worst, Math.abs(source.displayed(f, i) - written.displayed(f, i)));
            }
        }
        return worst * ((1 << bits) - 1);
    }

    private static boolean hasValuesIn(ColourMedia.DecodedLuma film, int low, int high) {
        for (int[] frame : film.frames()) {
            for (int value : frame) {
                if (value >= low && value <= high) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void lumaLockOfAFullRangeFilmKeepsYAsDisplayedAndTheRangeTag() throws Exception {
        ColourTags fullRange601 = new ColourTags(AVCOL_RANGE_JPEG, AVCOL_PRI_SMPTE170M, AVCOL_TRC_SMPTE170M, AVCOL_SPC_SMPTE170M);
        Path film = ColourMedia.writeFilm(folder.resolve("full.mp4"), "mp4", "libx264", "yuvj420p", WIDTH, HEIGHT, 6, fullRange601);
        ColourMedia.DecodedLuma source = ColourMedia.decodeLuma(film);
        assertTrue(source.fullRange(), "the source decodes as full range");
        assertTrue(hasValuesIn(source, 0, 15) && hasValuesIn(source, 236, 255), "the source uses Y outside 16-235");

        for (OutputFormat format : List.of(OutputFormat.H264, OutputFormat.H265)) {
            Path output = folder.resolve("locked-" + format.cliName() + ".mp4");
            render(film, output, format, true);
            ColourMedia.DecodedLuma written = ColourMedia.decodeLuma(output);

            assertEquals(0.0, maxDisplayedDifference(source, written, 8), format + ": Y as displayed, per pixel, in 8-bit steps");
            assertEquals(AVCOL_RANGE_JPEG, written.tags().range(), format + ": the output is tagged full range");
            for (int f = 0; f < source.frames().size(); f++) {
                assertTrue(java.util.Arrays.equals(source.frames().get(f), written.frames().get(f)), format + " frame " + f + ": the Y plane itself");
            }
        }
    }

    @Test
    void lumaLockOfATenBitFilmToH265TenBitKeepsEveryBit() throws Exception {
        ColourTags bt709 = ColourTags.BT709_LIMITED;
        Path film = ColourMedia.writeFilm(folder.resolve("ten.mkv"), "matroska", "ffv1", "yuv420p10le", WIDTH, HEIGHT, 6, bt709);
        ColourMedia.DecodedLuma source = ColourMedia.decodeLuma(film);
        assertEquals(10, source.bits());

        Path output = folder.resolve("locked10.mkv");
        render(film, output, OutputFormat.H265_10, true);
        ColourMedia.DecodedLuma written = ColourMedia.decodeLuma(output);

        assertEquals("yuv420p10le", written.pixelFormat());
        assertEquals(0.0, maxDisplayedDifference(source, written, 10), "10-bit Y as displayed, per pixel");
        for (int f = 0; f < source.frames().size(); f++) {
            assertTrue(java.util.Arrays.equals(source.frames().get(f), written.frames().get(f)), "frame " + f + ": 10-bit Y bit for bit");
        }
        assertTrue(warnings.stream().noneMatch(w -> w.contains("loses")), warnings.toString());
    }

    @Test
    void lumaLockOfATenBitFullRangeFilmToFfv1KeepsEveryBitAndTheTags() throws Exception {
        ColourTags bt2020 = new ColourTags(AVCOL_RANGE_JPEG, AVCOL_PRI_BT2020, AVCOL_TRC_BT2020_10, AVCOL_SPC_BT2020_NCL);
        Path film = ColourMedia.writeFilm(folder.resolve("ten.mov"), "mov", "libx265", "yuv420p10le", WIDTH, HEIGHT, 5, bt2020);
        ColourMedia.DecodedLuma source = ColourMedia.decodeLuma(film);

        Path output = folder.resolve("archive.mkv");
        render(film, output, OutputFormat.FFV1, true);
        ColourMedia.DecodedLuma written = ColourMedia.decodeLuma(output);

        assertEquals("yuv444p10le", written.pixelFormat());
        assertEquals(bt2020, written.tags());
        for (int f = 0; f < source.frames().size(); f++) {
            assertTrue(java.util.Arrays.equals(source.frames().get(f), written.frames().get(f)), "frame " + f + ": 10-bit Y bit for bit");
        }
    }

    @Test
    void aTenBitFilmRenderedToEightBitH264SaysItLosesBitsAndNamesTheBetterFormat() throws Exception {
        Path film = ColourMedia.writeFilm(folder.resolve("ten.mkv"), "matroska", "ffv1", "yuv420p10le", WIDTH, HEIGHT, 3, ColourTags.BT709_LIMITED);
        render(film, folder.resolve("eight.mp4"), OutputFormat.H264, true);
        List<String> lossNotes = warnings.stream().filter(w -> w.contains("loses")).toList();
        assertEquals(1, lossNotes.size(), warnings.toString());
        assertTrue(lossNotes.get(0).contains(film.toString()) && lossNotes.get(0).contains("10-bit") && lossNotes.get(0).contains("h265-10")
                && lossNotes.get(0).contains("ffv1"), lossNotes.get(0));
        ColourMedia.DecodedLuma source = ColourMedia.decodeLuma(film);
        ColourMedia.DecodedLuma written = ColourMedia.decodeLuma(folder.resolve("eight.mp4"));
        double halfAnEightBitStep = 0.5 / 219 * 1023;
        double difference = maxDisplayedDifference(source, written, 10);
        assertTrue(difference <= halfAnEightBitStep + 1e-9, "rounded to the nearest 8-bit step, got " + difference + " 10-bit steps");
    }

    @Test
    void aSixteenBitTiffSequenceToFfv1KeepsSixteenBits() throws Exception {
        int width = 64;
        int height = 48;
        Path frames = TestMedia.imageSequence(folder.resolve("scans"), ImageFormat.TIFF, 3, i -> {
            short[] rgb = new short[width * height * 3];
            for (int p = 0; p < width * height; p++) {
                int value = (p * 1031 + i * 7919 + 3) % 65536;
                rgb[3 * p] = rgb[3 * p + 1] = rgb[3 * p + 2] = (short) value;
            }
            return new RgbPixels.Rgb16(width, height, rgb);
        });
        Path output = folder.resolve("scans.mkv");
        render(frames, output, OutputFormat.FFV1, true);
        try (FilmReader source = Films.open(frames, FilmOpenOptions.defaults()); FilmReader written = Films.open(output, FilmOpenOptions.defaults())) {
            FilmInfo info = written.info();
            assertEquals("ffv1", info.codec());
            assertEquals(16, info.bitDepth());
            assertTrue(warnings.stream().noneMatch(w -> w.contains("loses")), warnings.toString());
            int notEightBit = 0;
            for (int f = 0; f < 3; f++) {
                short[] s = source.read(f).pixels().toRgb16();
                short[] w = written.read(f).pixels().toRgb16();
                for (int i = 0; i < s.length; i += 3) {
                    double sourceLuma = 0.299 * (s[i] & 0xFFFF) + 0.587 * (s[i + 1] & 0xFFFF) + 0.114 * (s[i + 2] & 0xFFFF);
                    double writtenLuma = 0.299 * (w[i] & 0xFFFF) + 0.587 * (w[i + 1] & 0xFFFF) + 0.114 * (w[i + 2] & 0xFFFF);
                    assertTrue(Math.abs(sourceLuma - writtenLuma) <= 1.0, "frame " + f + " pixel " + i / 3 + ": " + sourceLuma + " vs " + writtenLuma);
                    if ((w[i + 1] & 0xFFFF) % 257 != 0) {
                        notEightBit++;
                    }
                }
            }
            assertTrue(notEightBit > width * height, "16-bit values kept, not 8-bit ones scaled up (" + notEightBit + ")");
        }
    }

    @Test
    void anEightBitPngSequenceToFfv1KeepsItsLumaExactly() throws Exception {
        Path frames = TestMedia.imageSequence(folder.resolve("pngs"), ImageFormat.PNG, 3, i -> TestMedia.numberedGrayFrame(i, 64, 48));
        Path output = folder.resolve("pngs.mov");
        render(frames, output, OutputFormat.FFV1, true);
        try (FilmReader source = Films.open(frames, FilmOpenOptions.defaults()); FilmReader written = Films.open(output, FilmOpenOptions.defaults())) {
            assertEquals("ffv1", written.info().codec());
            assertEquals(8, written.info().bitDepth());
            boolean coloured = false;
            for (int f = 0; f < 3; f++) {
                byte[] s = source.read(f).pixels().toRgb8();
                byte[] w = written.read(f).pixels().toRgb8();
                for (int i = 0; i < s.length; i += 3) {
                    assertEquals(LumaMatch.luma(s[i] & 0xFF, s[i + 1] & 0xFF, s[i + 2] & 0xFF), LumaMatch.luma(w[i] & 0xFF, w[i + 1] & 0xFF, w[i + 2] & 0xFF),
                            "frame " + f + " pixel " + i / 3);
                    coloured |= w[i] != w[i + 2];
                }
            }
            assertTrue(coloured, "the output is colorized");
        }
    }

    @Test
    void aBt601SourceKeepsItsTagsInH264AndH265() throws Exception {
        ColourTags bt601 = new ColourTags(AVCOL_RANGE_MPEG, AVCOL_PRI_SMPTE170M, AVCOL_TRC_SMPTE170M, AVCOL_SPC_SMPTE170M);
        Path film = ColourMedia.writeFilm(folder.resolve("sd.mp4"), "mp4", "libx264", "yuv420p", WIDTH, HEIGHT, 3, bt601);
        for (OutputFormat format : List.of(OutputFormat.H264, OutputFormat.H265)) {
            Path output = folder.resolve("sd-" + format.cliName() + ".mp4");
            render(film, output, format, false);
            assertEquals(bt601, ColourMedia.decodeLuma(output).tags(), format.cliName());
            try (FilmReader reader = Films.open(output, FilmOpenOptions.defaults())) {
                assertEquals(bt601, reader.info().colour());
            }
        }
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void theVideoIsConvertedWithTheMatrixItIsTaggedWith() throws Exception {
        ColourTags bt601 = new ColourTags(AVCOL_RANGE_MPEG, AVCOL_PRI_SMPTE170M, AVCOL_TRC_SMPTE170M, AVCOL_SPC_SMPTE170M);
        Path film = ColourMedia.writeFilm(folder.resolve("sd.mkv"), "matroska", "ffv1", "yuv444p", WIDTH, HEIGHT, 2, bt601);
        Path video = folder.resolve("sd.mkv.out.mkv");
        Path frames = folder.resolve("sd-frames");
        render(film, video, OutputFormat.FFV1, true);
        render(film, frames, OutputFormat.PNG, false);
        try (FilmReader written = Films.open(video, FilmOpenOptions.defaults()); FilmReader reference = Films.open(frames, FilmOpenOptions.defaults())) {
            double worst = 0;
            for (int f = 0; f < 2; f++) {
                byte[] w = written.read(f).pixels().toRgb8();
                byte[] r = reference.read(f).pixels().toRgb8();
                for (int i = 0; i < w.length; i++) {
                    worst = Math.max(worst, Math.abs((w[i] & 0xFF) - (r[i] & 0xFF)));
                }
            }
            assertTrue(worst <= 3, "decoded with its BT.601 tags, the video shows the colours of the PNG frames; worst difference " + worst);
        }
    }

    @Test
    void anUntaggedSourceSaysWhatIsWritten() throws Exception {
        ColourTags untagged = ColourTags.UNSPECIFIED;
        Path film = ColourMedia.writeFilm(folder.resolve("plain.mkv"), "matroska", "libx264", "yuv420p", WIDTH, HEIGHT, 2, untagged);
        Path output = folder.resolve("plain-out.mp4");
        render(film, output, OutputFormat.H264, false);
        assertEquals(new ColourTags(AVCOL_RANGE_MPEG, AVCOL_PRI_BT709, AVCOL_TRC_BT709, AVCOL_SPC_BT709), ColourMedia.decodeLuma(output).tags());
        List<String> notes = warnings.stream().filter(w -> w.contains("does not state its colour")).toList();
        assertEquals(1, notes.size(), warnings.toString());
        assertTrue(notes.get(0).contains("range=tv primaries=bt709 transfer=bt709 matrix=bt709"), notes.get(0));
    }
}
