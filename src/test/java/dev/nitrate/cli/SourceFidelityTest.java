package dev.nitrate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.video.FieldOrder;
import dev.nitrate.engine.video.FilmInfo;
import dev.nitrate.engine.video.FilmOpenOptions;
import dev.nitrate.engine.video.Films;
import dev.nitrate.engine.video.ImageFormat;
import dev.nitrate.engine.video.MediaProbe;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.Timecodes;
import dev.nitrate.testing.Renders;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archival fidelity: a render keeps the film's timecode, field order, frame timestamps and every frame of a gapped sequence, or says it does not. */
class SourceFidelityTest {

    private static final String WARNING = "nitrate: warning: ";

    @TempDir
    Path folder;

    private Path exemplar() throws Exception {
        return Renders.solidExemplar(folder.resolve("orange.png"), 230, 120, 30);
    }

    private static long[] evenSlots(int frames) {
        long[] slots = new long[frames];
        for (int i = 0; i < frames; i++) {
            slots[i] = i;
        }
        return slots;
    }

    private CliRunner.Result colorize(Path film, Path output, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("colorize", film.toString(), "-e", exemplar().toString(), "-o", output.toString()));
        args.addAll(List.of(extra));
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.err());
        return result;
    }

    private static List<String> warnings(CliRunner.Result result) {
        return result.err().lines().filter(line -> line.startsWith(WARNING)).toList();
    }

    @Test
    void startTimecodeIsCarriedIntoMovMp4AndMkvAndMovesWithTheFirstRenderedFrame() throws Exception {
        Path ntscMov = MediaProbe.writeTimedVideo(folder.resolve("ntsc.mov"), "mov", "libx264", avutil.AV_PIX_FMT_YUV420P, 64, 48,
                new Rational(24000, 1001), evenSlots(20), "01:00:00:00", 0, 0);
        Path palMp4 = MediaProbe.writeTimedVideo(folder.resolve("pal.mp4"), "mp4", "libx264", avutil.AV_PIX_FMT_YUV420P, 64, 48,
                new Rational(25, 1), evenSlots(20), "01:00:00:00", 0, 0);
        for (Path film : List.of(ntscMov, palMp4)) {
            assertEquals(Optional.of("01:00:00:00"), Films.probe(film, FilmOpenOptions.defaults()).timecode(), film + " as written");
            for (String extension : List.of("mov", "mp4", "mkv")) {
                String stem = film.getFileName().toString().replace('.', '-');
                Path whole = folder.resolve(stem + "-whole." + extension);
                assertEquals(List.of(), warnings(colorize(film, whole)), "a progressive constant-rate film with a timecode loses nothing");
                FilmInfo written = Films.probe(whole, FilmOpenOptions.defaults());
                assertEquals(Optional.of("01:00:00:00"), written.timecode(), whole.toString());
                assertFalse(written.isVariableFrameRate(), whole + " is read back at a constant rate");
                Path part = folder.resolve(stem + "-from10." + extension);
                colorize(film, part, "--frames", "10-19");
                assertEquals(Optional.of("01:00:00:10"), Films.probe(part, FilmOpenOptions.defaults()).timecode(), part.toString());
                List<String> tags = MediaProbe.timecodeTags(part);
                assertTrue(extension.equals("mkv") ? tags.contains("video:h264=01:00:00:10") : tags.contains("data:none=01:00:00:10"),
                        part + " tags " + tags);
            }
        }
    }

    @Test
    void aDropFrameTimecodeStaysDropFrame() throws Exception {
        Path film = MediaProbe.writeTimedVideo(folder.resolve("df.mov"), "mov", "libx264", avutil.AV_PIX_FMT_YUV420P, 64, 48,
                new Rational(30000, 1001), evenSlots(20), "00:00:59;20", 0, 0);
        Path output = folder.resolve("df-out.mov");
        colorize(film, output, "--frames", "12-19");
        assertEquals(Optional.of("00:01:00;04"), Films.probe(output, FilmOpenOptions.defaults()).timecode());
    }

    @Test
    void dropFrameTimecodeCountsAcrossTheDroppedNumbers() {
        Rational ntsc = new Rational(30000, 1001);
        assertEquals(Optional.of("00:01:00;02"), Timecodes.plusFrames("00:00:59;29", ntsc, 1));
        assertEquals(Optional.of("01:00:00;10"), Timecodes.plusFrames("01:00:00;00", ntsc, 10));
        assertEquals(Optional.of("00:01:00:00"), Timecodes.plusFrames("00:00:59:29", ntsc, 1));
        assertEquals(Optional.of("00:00:01:00"), Timecodes.plusFrames("00:00:00:24", new Rational(25, 1), 1));
        assertEquals(Optional.empty(), Timecodes.plusFrames("not a timecode", ntsc, 1));
    }

    @Test
    void aSequenceOutputSaysItCannotKeepTheTimecode() throws Exception {
        Path film = MediaProbe.writeTimedVideo(folder.resolve("tc.mov"), "mov", "libx264", avutil.AV_PIX_FMT_YUV420P, 64, 48,
                new Rational(25, 1), evenSlots(12), "10:00:00:00", 0, 0);
        CliRunner.Result result = colorize(film, folder.resolve("frames"), "--frames", "2-5");
        assertTrue(warnings(result).contains(WARNING + film + ": start timecode 10:00:00:02 (frame 2) cannot be stored in a PNG sequence;"
                + " it is not kept (write .mov, .mkv or .mp4 to keep it)"), result.err());
    }

    @Test
    void fieldOrderIsFlaggedInEveryVideoContainerWithOneWarning() throws Exception {
        Path topFirst = MediaProbe.writeTimedVideo(folder.resolve("tff.mov"), "mov", "prores_ks", avutil.AV_PIX_FMT_YUV422P10LE, 64, 48,
                new Rational(25, 1), evenSlots(8), null, 2, 0);
        Path bottomFirst = MediaProbe.writeTimedVideo(folder.resolve("bff.mkv"), "matroska", "ffv1", avutil.AV_PIX_FMT_YUV420P, 64, 48,
                new Rational(25, 1), evenSlots(8), null, 3, 0);
        assertEquals(FieldOrder.TOP_FIRST, Films.probe(topFirst, FilmOpenOptions.defaults()).fieldOrder());
        assertEquals(FieldOrder.BOTTOM_FIRST, Films.probe(bottomFirst, FilmOpenOptions.defaults()).fieldOrder());
        for (String extension : List.of("mov", "mp4", "mkv")) {
            Path output = folder.resolve("tff-out." + extension);
            CliRunner.Result result = colorize(topFirst, output);
            assertEquals(FieldOrder.TOP_FIRST, Films.probe(output, FilmOpenOptions.defaults()).fieldOrder(), output.toString());
            assertEquals(List.of(WARNING + topFirst + " is interlaced, top field first: the output is flagged so and H.264 codes it interlaced,"
                    + " but the colorizer works on whole frames (both fields together)"),
                    warnings(result).stream().filter(line -> line.contains("interlaced")).toList(), "one field-order line (the 10-bit ProRes source also warns of its bits and tags)");
            Path bottom = folder.resolve("bff-out." + extension);
            colorize(bottomFirst, bottom);
            assertEquals(FieldOrder.BOTTOM_FIRST, Films.probe(bottom, FilmOpenOptions.defaults()).fieldOrder(), bottom.toString());
            Path hevc = folder.resolve("tff-hevc." + extension);
            CliRunner.Result hevcResult = colorize(topFirst, hevc, "--format", "h265");
            assertEquals(FieldOrder.TOP_FIRST, Films.probe(hevc, FilmOpenOptions.defaults()).fieldOrder(), hevc.toString());
            assertTrue(warnings(hevcResult).stream().filter(line -> line.contains("interlaced")).findFirst().orElseThrow().endsWith("H.265 codes it as progressive pictures, but the colorizer works on whole frames"
                    + " (both fields together)"), hevcResult.err());
        }
        Path progressive = MediaProbe.writeTimedVideo(folder.resolve("p.mov"), "mov", "libx264", avutil.AV_PIX_FMT_YUV420P, 64, 48,
                new Rational(25, 1), evenSlots(8), null, 1, 0);
        Path progressiveOut = folder.resolve("p-out.mkv");
        assertEquals(List.of(), warnings(colorize(progressive, progressiveOut)));
        assertEquals(FieldOrder.PROGRESSIVE, Films.probe(progressiveOut, FilmOpenOptions.defaults()).fieldOrder());
        CliRunner.Result frames = colorize(topFirst, folder.resolve("tff-frames"), "--format", "tiff");
        assertEquals(List.of(WARNING + topFirst + " is interlaced, top field first: a TIFF sequence cannot flag it; the frames are written whole,"
                + " both fields interleaved"), warnings(frames));
    }

    @Test
    void lumaLockStaysExactWhenH264CodesInterlaced() throws Exception {
        Path film = MediaProbe.writeTimedVideo(folder.resolve("tff.mkv"), "matroska", "ffv1", avutil.AV_PIX_FMT_YUV420P, 64, 48,
                new Rational(25, 1), evenSlots(10), null, 2, 0);
        Path output = folder.resolve("locked.mov");
        colorize(film, output, "--luma-lock");
        assertEquals(FieldOrder.TOP_FIRST, Films.probe(output, FilmOpenOptions.defaults()).fieldOrder());
        List<byte[]> source = MediaProbe.decodeLuma(film);
        List<byte[]> written = MediaProbe.decodeLuma(output);
        assertEquals(source.size(), written.size());
        for (int f = 0; f < source.size(); f++) {
            assertArrayEquals(source.get(f), written.get(f), "frame " + f);
        }
    }

    private static final long[] UNEVEN = {0, 1, 2, 4, 5, 8, 9, 10, 13, 14, 15, 16, 18, 19, 21, 22};

    @Test
    void variableFrameRateTimestampsAreKeptFrameByFrameWithTheAudio() throws Exception {
        for (String container : List.of("matroska", "mp4")) {
            Path film = MediaProbe.writeTimedVideo(folder.resolve("vfr-" + container + (container.equals("mp4") ? ".mp4" : ".mkv")), container,
                    "libx264", avutil.AV_PIX_FMT_YUV420P, 64, 48, new Rational(25, 1), UNEVEN, null, 0, 48000);
            FilmInfo info = Films.probe(film, FilmOpenOptions.defaults());
            assertTrue(info.isVariableFrameRate(), film.toString());
            assertEquals(UNEVEN.length, info.frameCount());
            assertEquals(0.16, info.secondsAt(3), 1e-9);
            List<Double> source = relative(MediaProbe.packets(film, true).seconds());
            CliRunner.Result shown = CliRunner.run("info", film.toString());
            assertTrue(shown.out().contains(" fps), variable: frames are unevenly spaced"), shown.out());
            CliRunner.Result frames = colorize(film, folder.resolve(film.getFileName() + "-frames"));
            assertEquals(List.of(WARNING + film + " has a variable frame rate (16 frames in 0.920 s, 17.391 fps on average): a PNG sequence has no"
                    + " timestamps; the frames are written in order and their timing is lost"), warnings(frames));
            for (String extension : List.of("mkv", "mp4", "mov")) {
                Path output = folder.resolve(film.getFileName() + "-out." + extension);
                CliRunner.Result result = colorize(film, output);
                assertEquals(List.of(WARNING + film + " has a variable frame rate (16 frames in 0.920 s, 17.391 fps on average): each output frame"
                        + " keeps its source timestamp"), warnings(result));
                assertArrayEquals(seconds(source), seconds(relative(MediaProbe.packets(output, true).seconds())), 0.0005, output.toString());
                assertEquals(MediaProbe.audioPayloadDigests(film), MediaProbe.audioPayloadDigests(output), output + " audio");
                assertEquals(info.durationSeconds(), Films.probe(output, FilmOpenOptions.defaults()).durationSeconds(), 0.0005, output.toString());

                Path part = folder.resolve(film.getFileName() + "-3to10." + extension);
                colorize(film, part, "--frames", "3-10");
                List<Double> expected = relative(source.subList(3, 11));
                assertArrayEquals(seconds(expected), seconds(relative(MediaProbe.packets(part, true).seconds())), 0.0005, part.toString());
                MediaProbe.Packets sourceAudio = MediaProbe.packets(film, false);
                int firstKept = 0;
                while (sourceAudio.seconds().get(firstKept) < 0.16 - 1e-9) {
                    firstKept++;
                }
                assertEquals(sourceAudio.digests().get(firstKept), MediaProbe.packets(part, false).digests().get(0),
                        part + ": the audio starts with the sound at frame 3's source time (0.16 s)");
            }
        }
    }

    private static List<Double> relative(List<Double> seconds) {
        List<Double> sorted = seconds.stream().sorted().toList();
        return sorted.stream().map(value -> value - sorted.get(0)).toList();
    }

    private static double[] seconds(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void aGapInANumberedSequenceIsReadAcrossAndNamedOnce() throws Exception {
        Path scans = TestMedia.imageSequence(folder.resolve("scans"), ImageFormat.PNG, 20, i -> TestMedia.numberedGrayFrame(i, 48, 32));
        Files.delete(scans.resolve("frame_00010.png"));
        Path pattern = scans.resolve("frame_%05d.png");
        for (Path film : List.of(pattern, scans)) {
            FilmInfo info = Films.probe(film, FilmOpenOptions.defaults());
            assertEquals(19, info.frameCount(), film.toString());
            CliRunner.Result shown = CliRunner.run("info", film.toString());
            assertTrue(shown.out().contains("Missing:     frame 10 (numbering gap; the present frames are read in order)"), shown.out());
            Path output = folder.resolve("out-" + (film == scans ? "folder" : "pattern"));
            CliRunner.Result result = colorize(film, output);
            assertEquals(List.of(WARNING + film + ": frame 10 missing from the numbered sequence (1 file); the 19 present frames are read in order,"
                    + " closing the gap"), warnings(result));
            try (Stream<Path> written = Files.list(output)) {
                assertEquals(19, written.filter(path -> path.toString().endsWith(".png")).count());
            }
            assertArrayEquals(TestMedia.numberedGrayFrame(11, 48, 32).rgb(), MediaProbe.decodeAll(film).get(10), "frame 10 of the film is file 11");
        }
        for (int missing : new int[] {14, 15, 16}) {
            Files.delete(scans.resolve(String.format("frame_%05d.png", missing)));
        }
        CliRunner.Result json = CliRunner.run("info", "--json", pattern.toString());
        assertTrue(json.out().contains("\"missingFrames\" : [ \"10\", \"14-16\" ]"), json.out());
    }
}
