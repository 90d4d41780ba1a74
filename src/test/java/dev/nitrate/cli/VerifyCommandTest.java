package dev.nitrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.testing.Renders;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nitrate colorize} then {@code nitrate verify}: real renders with the test colorizer, real files changed behind its back. */
class VerifyCommandTest {

    @TempDir
    Path folder;

    private Path film;
    private Path exemplar;

    private Path render(String output, String... extra) throws Exception {
        film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 64, 48, 16, new dev.nitrate.engine.video.Rational(25, 1));
        exemplar = Renders.solidExemplar(folder.resolve("ex.png"), 200, 80, 40);
        Path out = folder.resolve(output);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("colorize", film.toString(), "-e", exemplar + "@1", "-o", out.toString(),
                "--preset", "veryfast", "--segment-frames", "6"));
        args.addAll(java.util.List.of(extra));
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.err());
        return out;
    }

    @Test
    void anUntouchedRenderMatchesItemByItem() throws Exception {
        Path out = render("out.mp4");
        CliRunner.Result result = CliRunner.run("verify", out.toString());
        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertTrue(result.out().contains("match    output out.mp4: all 16 frames match"), result.out());
        assertTrue(result.out().contains("match    container tag NITRATE_PROVENANCE"), result.out());
        assertTrue(result.out().contains("match    film film.mp4: SHA-256 matches"), result.out());
        assertTrue(result.out().contains("match    exemplar ex.png: SHA-256 matches"), result.out());
        assertTrue(result.out().contains("match    pack built-in"), result.out());
        assertFalse(result.out().contains("DIFFERS"), result.out());
        String record = Files.readString(folder.resolve("out.mp4.nitrate.json"));
        assertTrue(record.contains("\"commandLine\" : [ \"nitrate\", \"colorize\""), record);
    }

    @Test
    void aRemuxedCopyElsewhereMatchesTheRecord() throws Exception {
        Path out = render("out.mp4");
        Path copy = Files.createDirectories(folder.resolve("archive")).resolve("reel-3.mkv");
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(out.toFile())) {
            grabber.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(copy.toFile(), grabber.getImageWidth(), grabber.getImageHeight(), 0)) {
                recorder.setFormat("matroska");
                recorder.start(grabber.getFormatContext());
                for (AVPacket packet; (packet = grabber.grabPacket()) != null; ) {
                    recorder.recordPacket(packet);
                }
            }
        }
        CliRunner.Result result = CliRunner.run("verify", copy.toString(), "--record", folder.resolve("out.mp4.nitrate.json").toString());
        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertTrue(result.out().contains("match    output " + copy + ": all 16 frames match"), result.out());
    }

    @Test
    void oneChangedFrameOfAFramesFolderIsFound() throws Exception {
        Path out = render("frames", "--format", "png");
        Files.copy(out.resolve("frame_000009.png"), out.resolve("frame_000004.png"), StandardCopyOption.REPLACE_EXISTING);
        CliRunner.Result result = CliRunner.run("verify", out.toString());
        assertEquals(1, result.exitCode(), result.out());
        assertTrue(result.out().contains("DIFFERS  output frames: 1 of 16 frames differ: frame 4"), result.out());
    }

    @Test
    void oneChangedByteOfAVideoIsFound() throws Exception {
        Path out = render("out.mkv");
        byte[] bytes = Files.readAllBytes(out);
        int middle = bytes.length / 2;
        bytes[middle] ^= 0x5a;
        Files.write(out, bytes);
        CliRunner.Result result = CliRunner.run("verify", out.toString());
        assertEquals(1, result.exitCode(), result.out());
        assertTrue(result.out().contains("DIFFERS  output out.mkv"), result.out());
        assertTrue(result.out().contains("match    film film.mp4"), "the inputs are still checked: " + result.out());
    }

    @Test
    void aChangedAudioSampleIsFoundWhileThePicturesStillMatch() throws Exception {
        Path film = TestMedia.filmWithAudio(folder, 12, new dev.nitrate.engine.video.Rational(25, 1));
        Path exemplar = Renders.solidExemplar(folder.resolve("ex.png"), 200, 80, 40);
        Path out = folder.resolve("sound.mkv");
        CliRunner.Result rendered = CliRunner.run("colorize", film.toString(), "-e", exemplar.toString(), "-o", out.toString(), "--preset", "veryfast");
        assertEquals(0, rendered.exitCode(), rendered.err());
        dev.nitrate.engine.provenance.ProvenanceRecord record = dev.nitrate.engine.provenance.ProvenanceJson.read(folder.resolve("sound.mkv.nitrate.json"));
        assertEquals(dev.nitrate.engine.video.MediaProbe.audioPayloadDigests(out),
                record.outputAudio().stream().map(dev.nitrate.engine.provenance.ProvenanceRecord.AudioHash::sha256).toList());
        CliRunner.Result intact = CliRunner.run("verify", out.toString());
        assertEquals(0, intact.exitCode(), intact.out());
        assertTrue(intact.out().contains("match    audio of sound.mkv: 1 stream matches"), intact.out());

        long audioByte = -1;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(out.toFile())) {
            grabber.start();
            for (AVPacket packet; audioByte < 0 && (packet = grabber.grabPacket()) != null; ) {
                if (packet.stream_index() == grabber.getAudioStream() && packet.pos() > 0 && packet.size() > 8) {
                    audioByte = packet.pos() + packet.size() / 2;
                }
            }
        }
        byte[] bytes = Files.readAllBytes(out);
        bytes[(int) audioByte] ^= 0x01;
        Files.write(out, bytes);
        CliRunner.Result changed = CliRunner.run("verify", out.toString());
        assertEquals(1, changed.exitCode(), changed.out());
        assertTrue(changed.out().contains("match    output sound.mkv: all 12 frames match"), changed.out());
        assertTrue(changed.out().contains("DIFFERS  audio of sound.mkv: stream 0 (pcm_s16le) differs"), changed.out());
    }

    @Test
    void aMissingInputIsReportedAndAChangedOneDiffers() throws Exception {
        Path out = render("out.mp4");
        Files.move(exemplar, folder.resolve("moved.png"));
        CliRunner.Result missing = CliRunner.run("verify", out.toString());
        assertEquals(0, missing.exitCode(), "an input that is not at hand is not checked: " + missing.out());
        assertTrue(missing.out().contains("absent   exemplar ex.png: not at its recorded place"), missing.out());

        Renders.solidExemplar(exemplar, 10, 200, 40);
        CliRunner.Result changed = CliRunner.run("verify", out.toString());
        assertEquals(1, changed.exitCode(), changed.out());
        assertTrue(changed.out().contains("DIFFERS  exemplar ex.png: SHA-256 differs"), changed.out());
    }

    @Test
    void aRerenderMatchesFrameByFrameAndLeavesNothingBehind() throws Exception {
        Path out = render("out.mp4", "--frames", "1-13", "--fit", "crop");
        Path work = Files.createDirectories(folder.resolve("scratch"));
        CliRunner.Result result = CliRunner.run("verify", "--rerender", "--work", work.toString(), out.toString());
        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertTrue(result.out().contains("match    re-render: all 13 frames match"), result.out());
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(0, left.count(), "the temporary folder and the re-render are removed");
        }
    }

    @Test
    void aRerenderKeepsTheExemplarModeModelSizeAndReadoutBlocks() throws Exception {
        Path out = render("frames", "--format", "png", "--exemplar-is-frame", "--model-size", "32x24", "--readout-memory", "1");
        String record = Files.readString(folder.resolve("frames.nitrate.json"));
        assertTrue(record.contains("\"exemplarIsFrame\" : true"), record);
        assertTrue(record.contains("\"modelMaxArea\" : 768"), record);
        assertTrue(record.contains("\"readoutBudgetBytes\" : 1048576"), record);
        Path work = Files.createDirectories(folder.resolve("scratch"));
        CliRunner.Result result = CliRunner.run("verify", "--rerender", "--work", work.toString(), out.toString());
        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertTrue(result.out().contains("match    re-render: all 16 frames match"), result.out());
    }

    @Test
    void aRerenderOfAChangedOutputDiffersAndIsKept() throws Exception {
        Path out = render("frames", "--format", "png");
        Path recordFile = folder.resolve("frames.nitrate.json");
        String record = Files.readString(recordFile);
        String firstHash = record.substring(record.indexOf("\"sha256\"", record.indexOf("\"outputFrames\"")) + 12).substring(0, 64);
        Files.writeString(recordFile, record.replace(firstHash, "0".repeat(64)));
        Path work = Files.createDirectories(folder.resolve("scratch"));
        CliRunner.Result result = CliRunner.run("verify", "--rerender", "--work", work.toString(), out.toString());
        assertEquals(1, result.exitCode(), result.out());
        assertTrue(result.out().contains("frames differ: frame 0; kept for inspection"), result.out());
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(1, left.count());
        }
    }

    @Test
    void badInputGetsOneLineNamingTheUsersFile() throws Exception {
        Path out = render("out.mp4");
        Path recordFile = folder.resolve("out.mp4.nitrate.json");

        CliRunner.Result noOutput = CliRunner.run("verify", folder.resolve("nothing.mp4").toString());
        assertOneLine(noOutput, "nothing.mp4: no such file or folder");

        Files.move(recordFile, folder.resolve("kept.json"));
        CliRunner.Result noRecord = CliRunner.run("verify", out.toString());
        assertOneLine(noRecord, "out.mp4.nitrate.json: no provenance record there");

        Files.writeString(recordFile, "{\"format\": \"nitrate-provenance/1\", \"output\": ");
        CliRunner.Result damaged = CliRunner.run("verify", out.toString());
        assertOneLine(damaged, "out.mp4.nitrate.json: damaged record");

        Files.move(folder.resolve("kept.json"), recordFile, StandardCopyOption.REPLACE_EXISTING);
        Files.move(out, folder.resolve("elsewhere.mp4"));
        CliRunner.Result outputGone = CliRunner.run("verify", recordFile.toString());
        assertOneLine(outputGone, "out.mp4: the output");
    }

    private static void assertOneLine(CliRunner.Result result, String expected) {
        assertEquals(1, result.exitCode(), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().startsWith("nitrate: ") && result.err().contains(expected), result.err());
        assertFalse(result.err().contains(".part") || result.err().contains("Exception"), result.err());
    }
}
