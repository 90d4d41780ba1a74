package dev.nitrate.engine.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nitrate.engine.checksum.Sha256;
import dev.nitrate.engine.exemplar.PinnedExemplar;
import dev.nitrate.engine.render.FrameRange;
import dev.nitrate.engine.render.OutputFormat;
import dev.nitrate.engine.render.Progress;
import dev.nitrate.engine.render.RenderJob;
import dev.nitrate.engine.render.RenderListener;
import dev.nitrate.engine.render.RenderOutcome;
import dev.nitrate.engine.render.RenderRequest;
import dev.nitrate.engine.safety.OutputGuard;
import dev.nitrate.engine.video.ContainerTags;
import dev.nitrate.engine.video.ImageFormat;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.testing.MeanChromaColorizerFactory;
import dev.nitrate.testing.Renders;
import dev.nitrate.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real renders (FFmpeg, the test colorizer) and the record each leaves beside its output. */
class RenderRecordTest {

    @TempDir
    Path folder;

    private List<PinnedExemplar> exemplar(Path file) throws Exception {
        return List.of(new PinnedExemplar(Renders.solidExemplar(file, 230, 120, 30), OptionalLong.of(2)));
    }

    @Test
    void aVideoRenderWritesARecordWithTheInputsChecksumsAndEveryFramesHash() throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 64, 48, 12, new Rational(25, 1));
        Path outputs = Files.createDirectories(folder.resolve("out"));
        Path output = outputs.resolve("colour.mkv");
        RenderRequest request = Renders.request(film, exemplar(folder.resolve("ex.png")), output, OutputFormat.H264, false,
                Optional.of(new FrameRange(2, 9)), 5);
        assertInstanceOf(RenderOutcome.Completed.class, Renders.render(request));

        Path recordFile = outputs.resolve("colour.mkv.nitrate.json");
        String json = Files.readString(recordFile, StandardCharsets.UTF_8);
        JsonNode node = new ObjectMapper().readTree(json);
        assertEquals("nitrate-provenance/1", node.get("format").asText());
        for (String field : List.of("nitrateVersion", "origin", "film", "exemplars", "defaultFit", "pack", "engine", "frames", "shots", "lumaLock",
                "output", "embedded", "started", "finished", "outputFrames")) {
            assertTrue(node.has(field), field + " missing from " + json);
        }
        assertFalse(json.contains(folder.toString()), "no absolute path of the render's folders: " + json);

        ProvenanceRecord record = ProvenanceJson.read(recordFile);
        assertEquals("program", record.origin().kind());
        assertEquals("../film.mp4", record.film().path());
        assertEquals(Sha256.of(film), record.film().sha256());
        assertEquals("../ex.png", record.exemplars().get(0).path());
        assertEquals(Sha256.of(folder.resolve("ex.png")), record.exemplars().get(0).sha256());
        assertEquals(2, record.exemplars().get(0).frame());
        assertEquals("stretch", record.exemplars().get(0).fit());
        assertEquals("built-in", record.pack().location());
        assertFalse(record.pack().graphs().isEmpty());
        assertEquals(ProvenanceRecord.FrameSpan.of(2, 9), record.frames());
        assertEquals("cpu", record.engine().deviceRequested());
        assertNotNull(record.engine().deviceUsed());
        assertEquals(MeanChromaColorizerFactory.class.getName(), record.engine().colorizer());
        assertEquals("libx264", record.output().encoder().name());
        assertEquals("matroska", record.output().encoder().container());
        assertEquals(5, record.output().segmentFrames());
        assertTrue(Instant(record.started()).compareTo(Instant(record.finished())) <= 0);
        assertEquals(8, record.outputFrames().count());
        assertEquals(8, record.outputFrames().frames().size());
        assertEquals(2, record.outputFrames().frames().get(0).frame());
        assertEquals("yuv420p", record.outputFrames().pixelFormat());
        List<String> hashes = record.outputFrames().frames().stream().map(ProvenanceRecord.FrameHash::sha256).toList();
        assertEquals(8, new java.util.HashSet<>(hashes).size(), "every numbered frame hashes differently");
        ffmpegFramehash(output).ifPresent(expected -> assertEquals(expected, hashes, "the same hashes as ffmpeg -f framehash -hash sha256"));

        String tag = ContainerTags.read(output, EmbeddedProvenance.TAG).orElseThrow();
        assertEquals(record.embedded().sha256(), Sha256.of(tag.getBytes(StandardCharsets.UTF_8)));
        assertEquals(EmbeddedProvenance.value(record), tag);
        assertFalse(tag.contains("film.mp4") || tag.contains("started") || tag.contains("deviceUsed"), tag);
    }

    /** The frame hashes the {@code ffmpeg} command computes, when it is installed (it is for the full test run, see README). */
    private static Optional<List<String>> ffmpegFramehash(Path video) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("ffmpeg", "-v", "error", "-i", video.toString(), "-map", "0:v:0", "-f", "framehash", "-hash", "sha256", "-")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException notInstalled) {
            return Optional.empty();
        }
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith("#")).map(line -> line.substring(line.lastIndexOf(',') + 1).trim()).toList();
        assertEquals(0, process.waitFor());
        return Optional.of(lines);
    }

    private static java.time.Instant Instant(String text) {
        return java.time.Instant.parse(text);
    }

    @Test
    void twoRendersOfOneRequestUnderOtherNamesAreTheSameBytesWithTheirTag() throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 64, 48, 8, new Rational(25, 1));
        List<PinnedExemplar> exemplars = exemplar(folder.resolve("ex.png"));
        Path first = folder.resolve("first.mp4");
        Path second = Files.createDirectories(folder.resolve("elsewhere")).resolve("second.mp4");
        for (Path output : List.of(first, second)) {
            assertInstanceOf(RenderOutcome.Completed.class,
                    Renders.render(Renders.request(film, exemplars, output, OutputFormat.H264, false, Optional.empty(), 4)));
        }
        assertTrue(ContainerTags.read(first, EmbeddedProvenance.TAG).isPresent());
        assertEquals(-1, Files.mismatch(first, second), "the embedded part of the record holds no name, path or time");
        assertFalse(Files.readString(OutputGuard.recordFileOf(first)).equals(Files.readString(OutputGuard.recordFileOf(second))));
    }

    @Test
    void aSequenceRenderOfASequenceListsEveryFrameFileBesideTheFolder() throws Exception {
        Path film = TestMedia.imageSequence(folder.resolve("scan"), ImageFormat.PNG, 6, i -> TestMedia.numberedGrayFrame(i, 48, 32));
        Path output = folder.resolve("frames-out");
        RenderRequest request = Renders.request(film, exemplar(folder.resolve("ex.png")), output, OutputFormat.PNG, false, Optional.empty(), 3);
        assertInstanceOf(RenderOutcome.Completed.class, Renders.render(request));

        Path recordFile = folder.resolve("frames-out.nitrate.json");
        assertTrue(Files.isRegularFile(recordFile), "the record lies beside the frames folder");
        assertFalse(Files.exists(output.resolve("frames-out.nitrate.json")));
        ProvenanceRecord record = ProvenanceJson.read(recordFile);
        assertEquals("image-sequence", record.film().kind());
        assertNull(record.film().sha256());
        assertEquals(6, record.film().frameFiles().size());
        StringBuilder manifest = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            ProvenanceRecord.FileHash frame = record.film().frameFiles().get(i);
            assertEquals(String.format("scan/frame_%05d.png", i), frame.path());
            assertEquals(Sha256.of(folder.resolve(frame.path())), frame.sha256());
            manifest.append(frame.sha256()).append("  ").append(frame.path()).append('\n');
        }
        assertEquals(Sha256.of(manifest.toString().getBytes(StandardCharsets.UTF_8)), record.film().frameFilesSha256());
        assertEquals("24/1", record.film().sequenceFrameRate());
        assertNull(record.embedded());
        assertEquals("rgb24", record.outputFrames().pixelFormat());
        assertEquals(6, record.outputFrames().frames().size());
        for (ProvenanceRecord.FrameHash frame : record.outputFrames().frames()) {
            assertEquals(String.format("frame_%06d.png", frame.frame()), frame.file());
            assertEquals(rgb24Sha256(output.resolve(frame.file())), frame.sha256(), frame.file());
        }
    }

    /** The SHA-256 of a PNG's pixels as packed 8-bit RGB, read with ImageIO (not FFmpeg). */
    private static String rgb24Sha256(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        byte[] rgb = new byte[image.getWidth() * image.getHeight() * 3];
        int i = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int pixel = image.getRGB(x, y);
                rgb[i++] = (byte) (pixel >> 16);
                rgb[i++] = (byte) (pixel >> 8);
                rgb[i++] = (byte) pixel;
            }
        }
        return Sha256.of(rgb);
    }

    @Test
    void aCancelledRenderLeavesNoRecord() throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 64, 48, 20, new Rational(25, 1));
        Path output = folder.resolve("cancelled.mp4");
        RenderRequest request = Renders.request(film, exemplar(folder.resolve("ex.png")), output, OutputFormat.H264, false, Optional.empty(), 5);
        RenderJob[] job = new RenderJob[1];
        job[0] = new RenderJob(request, new MeanChromaColorizerFactory(), new RenderListener() {
            @Override
            public void progress(Progress progress) {
                if (progress.phase() == Progress.Phase.COLORIZING && progress.done() == 12) {
                    job[0].cancel();
                }
            }
        });
        assertInstanceOf(RenderOutcome.Cancelled.class, job[0].run());
        assertFalse(Files.exists(output));
        assertFalse(Files.exists(OutputGuard.recordFileOf(output)), "no record for a render that did not finish");
    }

    @Test
    void aRenderThatFailsAtTheEndLeavesNoRecord() throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 64, 48, 10, new Rational(25, 1));
        Path output = folder.resolve("late.mp4");
        RenderRequest request = Renders.request(film, exemplar(folder.resolve("ex.png")), output, OutputFormat.H264, false, Optional.empty(), 5);
        RenderOutcome outcome = new RenderJob(request, new MeanChromaColorizerFactory(), new RenderListener() {
            @Override
            public void progress(Progress progress) {
                if (progress.phase() == Progress.Phase.COLORIZING && progress.done() == 10 && !Files.exists(output)) {
                    try {
                        Files.writeString(output, "someone else's file");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        }).run();
        assertInstanceOf(RenderOutcome.Failed.class, outcome);
        assertEquals("someone else's file", Files.readString(output));
        assertFalse(Files.exists(OutputGuard.recordFileOf(output)), "no record when the output could not be put in place");
    }

    @Test
    void aRecordInTheWayIsRefusedBeforeAnyWorkAndOnlyNitratesOwnIsReplaced() throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 64, 48, 4, new Rational(25, 1));
        List<PinnedExemplar> exemplars = exemplar(folder.resolve("ex.png"));
        Path output = folder.resolve("out.mp4");
        Path recordFile = OutputGuard.recordFileOf(output);
        Files.writeString(recordFile, "my notes");
        RenderOutcome refused = Renders.render(Renders.request(film, exemplars, output, OutputFormat.H264, false, Optional.empty(), 5));
        assertInstanceOf(RenderOutcome.Failed.class, refused);
        assertTrue(((RenderOutcome.Failed) refused).message().contains("out.mp4.nitrate.json exists"), refused.toString());
        assertFalse(Files.exists(output));
        assertFalse(Files.exists(folder.resolve(".out.mp4.nitrate-work")), "refused before any work");

        RenderRequest overwriting = new RenderRequest(film, dev.nitrate.engine.video.FilmOpenOptions.defaults(), exemplars,
                dev.nitrate.engine.exemplar.ExemplarFit.STRETCH, Optional.empty(),
                new dev.nitrate.engine.render.OutputSpec(output, OutputFormat.H264, 18, false, "veryfast", true, true),
                dev.nitrate.engine.colorize.PackLocation.BUILTIN, dev.nitrate.engine.colorize.InferenceOptions.cpu(), 5);
        RenderOutcome foreign = Renders.render(overwriting);
        assertInstanceOf(RenderOutcome.Failed.class, foreign);
        assertTrue(((RenderOutcome.Failed) foreign).message().contains("not written by Nitrate"), foreign.toString());
        assertEquals("my notes", Files.readString(recordFile));

        Files.delete(recordFile);
        assertInstanceOf(RenderOutcome.Completed.class, Renders.render(overwriting));
        String firstRecord = Files.readString(recordFile);
        assertInstanceOf(RenderOutcome.Completed.class, Renders.render(overwriting));
        assertFalse(firstRecord.equals(Files.readString(recordFile)), "--overwrite replaces the record Nitrate wrote with the new one");
    }
}
