package dev.nitrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nitrate.engine.video.FilmOpenOptions;
import dev.nitrate.engine.video.Films;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.testing.Renders;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @TempDir
    Path folder;

    @Test
    void infoPrintsTheExactRateAndCountsAsTextAndJson() throws Exception {
        Path film = TestMedia.filmWithAudio(folder, 48, new Rational(24000, 1001));
        CliRunner.Result text = CliRunner.run("info", film.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("24000/1001 (23.976 fps)"), text.out());
        assertTrue(text.out().contains("Frames:      48"), text.out());
        assertTrue(text.out().contains("pcm_s16le, 1 ch, 48000 Hz"), text.out());
        CliRunner.Result json = CliRunner.run("info", film.toString(), "--json");
        JsonNode node = new ObjectMapper().readTree(json.out());
        assertEquals(24000, node.at("/frameRate/numerator").asLong());
        assertEquals(1001, node.at("/frameRate/denominator").asLong());
        assertEquals(48, node.get("frameCount").asLong());
        assertEquals(48 * 1001 / 24000.0, node.get("durationSeconds").asDouble(), 1e-9);
        assertEquals(false, node.get("interlaced").asBoolean());
        assertEquals(1, node.get("audioStreams").size());
    }

    @Test
    void theDemoPicksANameWhoseProvenanceRecordIsFreeToo() throws Exception {
        assertEquals(folder.resolve("demo-colorized.mp4"), DemoCommand.freeName(folder));
        Files.writeString(folder.resolve("demo-colorized.mp4.nitrate.json"), "{}");
        assertEquals(folder.resolve("demo-colorized-2.mp4"), DemoCommand.freeName(folder));
    }

    @Test
    void infoOnARealClip() {
        CliRunner.Result result = CliRunner.run("info", "src/test/resources/media/cup.mp4", "--json");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("\"codec\" : \"h264\""), result.out());
        assertTrue(result.out().contains("\"width\" : 640"), result.out());
    }

    @Test
    void shotsListsTheCuts() throws Exception {
        int[] scene = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
        Path film = TestMedia.writeVideo(folder.resolve("two.mp4"), "mp4", dev.nitrate.engine.video.VideoCodec.H264, 64, 48, 20,
                new Rational(25, 1), i -> TestMedia.sceneFrame(scene[i], i, 64, 48));
        CliRunner.Result result = CliRunner.run("shots", film.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("shot 1: frames 0-9") && result.out().contains("shot 2: frames 10-19"), result.out());
    }

    @Test
    void colorizeWritesTheOutputAndDrawsAProgressBar() throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 64, 48, 30, new Rational(25, 1));
        Path exemplar = Renders.solidExemplar(folder.resolve("ex.png"), 200, 80, 40);
        Path output = folder.resolve("out.mp4");
        CliRunner.Result result = CliRunner.run("colorize", film.toString(), "--exemplar", exemplar.toString(), "-o", output.toString(),
                "--crf", "23", "--fit", "pad", "--device", "cpu", "--preset", "veryfast");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.err().contains("colorize [") && result.err().contains("100%"), result.err());
        assertEquals(30, Films.probe(output, FilmOpenOptions.defaults()).frameCount());
        assertTrue(result.out().contains("wrote"), result.out());
    }

    @Test
    void noAudioLeavesTheSoundtrackOut() throws Exception {
        Path film = TestMedia.filmWithAudio(folder, 12, new Rational(25, 1));
        Path exemplar = Renders.solidExemplar(folder.resolve("ex.png"), 200, 80, 40);
        Path silent = folder.resolve("out-silent.mkv");
        CliRunner.Result result = CliRunner.run("colorize", film.toString(), "-e", exemplar.toString(), "-o", silent.toString(),
                "--preset", "veryfast", "--no-audio");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(0, Films.probe(silent, FilmOpenOptions.defaults()).audioStreams().size());
        Path withAudio = folder.resolve("out-sound.mkv");
        result = CliRunner.run("colorize", film.toString(), "-e", exemplar.toString(), "-o", withAudio.toString(), "--preset", "veryfast");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(1, Films.probe(withAudio, FilmOpenOptions.defaults()).audioStreams().size());
    }

    private static long linesContaining(String text, String part) {
        return text.lines().filter(line -> line.contains(part)).count();
    }

    @Test
    void colorizeSaysOnceWhichDeviceAndPackRender() throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 64, 48, 6, new Rational(25, 1));
        Path exemplar = Renders.solidExemplar(folder.resolve("ex.png"), 200, 80, 40);
        CliRunner.Result result = CliRunner.run("colorize", film.toString(), "-e", exemplar.toString(), "-o", folder.resolve("o.mp4").toString(),
                "--preset", "veryfast", "--segment-frames", "2");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(1, linesContaining(result.err(), "nitrate: device cpu (test stand-in), pack built-in"), result.err());
        assertEquals(0, linesContaining(result.err(), "warning"), result.err());
    }

    @Test
    void demoSaysWhichDeviceAndPackRender() {
        CliRunner.Result result = CliRunner.run("demo", "--dir", folder.resolve("demo").toString());
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(1, linesContaining(result.err(), "nitrate: device cpu (test stand-in), pack built-in"), result.err());
        assertTrue(Files.exists(folder.resolve("demo/demo-colorized.mp4")));
    }

    @Test
    void aSecondDemoWritesANewFileAndKeepsTheFirst() throws Exception {
        assertEquals(0, CliRunner.run("demo", "--dir", folder.resolve("demo").toString()).exitCode());
        String first = SourceSafetyTest.sha256(folder.resolve("demo/demo-colorized.mp4"));
        Files.writeString(folder.resolve("demo/notes.txt"), "mine");
        CliRunner.Result again = CliRunner.run("demo", "--dir", folder.resolve("demo").toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(Files.exists(folder.resolve("demo/demo-colorized-2.mp4")));
        assertEquals(first, SourceSafetyTest.sha256(folder.resolve("demo/demo-colorized.mp4")));
        assertEquals("mine", Files.readString(folder.resolve("demo/notes.txt")));

        Files.writeString(folder.resolve("demo/demo-exemplar.png"), "the user's own picture under the demo's name");
        CliRunner.Result refused = CliRunner.run("demo", "--dir", folder.resolve("demo").toString());
        assertEquals(1, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("demo-exemplar.png exists and is not Nitrate's demo file"), refused.err());
        assertEquals("the user's own picture under the demo's name", Files.readString(folder.resolve("demo/demo-exemplar.png")));
    }

    @Test
    void aCudaRequestThatFallsBackToTheCpuSaysSoAndWhyOnOneLine() throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 64, 48, 3, new Rational(25, 1));
        Path exemplar = Renders.solidExemplar(folder.resolve("ex.png"), 200, 80, 40);
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        java.util.List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger opener = java.util.logging.Logger.getLogger(dev.nitrate.engine.onnx.SessionOpener.class.getName());
        opener.addHandler(capture);
        int code;
        try {
            code = new NitrateCli(ColorizerProvider.engine()).run(new String[] {"colorize", film.toString(), "-e", exemplar.toString(), "-o", folder.resolve("frames").toString(),
                    "--device", "cuda"}, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        } finally {
            opener.removeHandler(capture);
        }
        assertEquals(0, code, err.toString());
        boolean cudaLoads = ai.onnxruntime.OrtEnvironment.getAvailableProviders().contains(ai.onnxruntime.OrtProvider.CUDA);
        assertEquals(cudaLoads ? 0 : 1, records.size(), "one log record for the fallback, however many graphs fell back: " + records);
        if (!cudaLoads) {
            assertEquals(java.util.logging.Level.WARNING, records.get(0).getLevel());
            assertTrue(records.get(0).getMessage().startsWith("CUDA device 0 could not be used ("), records.get(0).getMessage());
            assertTrue(records.get(0).getThrown() != null, "the record carries the cause");
        }
        String expected = cudaLoads ? "nitrate: device cuda:0, pack built-in"
                : "nitrate: warning: cuda:0 was asked for but the render runs on cpu (CUDA device 0 could not be used (";
        java.util.List<String> lines = err.toString().lines().filter(line -> line.startsWith(expected)).toList();
        assertEquals(1, lines.size(), err.toString());
        assertTrue(lines.get(0).endsWith("; pack built-in"), lines.get(0));
        assertEquals(3, Files.list(folder.resolve("frames")).filter(f -> f.toString().endsWith(".png")).count());
    }

    @Test
    void theEngineLineWarnsOnlyWhenTheDeviceIsNotTheOneAskedFor() {
        var builtin = dev.nitrate.engine.colorize.PackLocation.BUILTIN;
        assertEquals("nitrate: device cpu, pack built-in",
                ColorizeCommand.engineLine(dev.nitrate.engine.colorize.ComputeDevice.CPU, "cpu", builtin));
        assertEquals("nitrate: device cuda:1, pack /packs/x",
                ColorizeCommand.engineLine(new dev.nitrate.engine.colorize.ComputeDevice.Cuda(1), "cuda:1",
                        new dev.nitrate.engine.colorize.PackLocation.Folder(Path.of("/packs/x"))));
        assertEquals("nitrate: warning: cuda:0 was asked for but the render runs on cpu (no libcudart); pack built-in",
                ColorizeCommand.engineLine(new dev.nitrate.engine.colorize.ComputeDevice.Cuda(0), "cpu (no\nlibcudart)", builtin));
    }

    @Test
    void confidenceIsWrittenAsSixteenBitGrayscaleFramesBesideTheRender() throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 64, 48, 6, new Rational(25, 1));
        Path exemplar = Renders.solidExemplar(folder.resolve("ex.png"), 200, 80, 40);
        Path confidence = folder.resolve("confidence");
        CliRunner.Result result = CliRunner.runEngine("colorize", film.toString(), "-e", exemplar.toString() + "@0", "-o",
                folder.resolve("out.mp4").toString(), "--confidence", confidence.toString(), "--preset", "veryfast");
        assertEquals(0, result.exitCode(), result.err());
        java.util.List<Path> frames;
        try (var listing = Files.list(confidence)) {
            frames = listing.filter(f -> f.getFileName().toString().matches("frame_\\d{6}\\.png")).sorted().toList();
        }
        assertEquals(6, frames.size());
        for (Path frame : frames) {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(frame.toFile());
            assertEquals(64, image.getWidth());
            assertEquals(java.awt.image.BufferedImage.TYPE_USHORT_GRAY, image.getType(), frame + " is 16-bit grayscale");
        }
        assertTrue(Files.exists(confidence.resolve(".nitrate-output")), "the folder is marked as Nitrate's");
        assertTrue(Files.notExists(folder.resolve(".confidence.nitrate-work")), "no work folder left");

        Files.writeString(folder.resolve("notes.txt"), "the user's notes");
        CliRunner.Result refused = CliRunner.run("colorize", film.toString(), "-e", exemplar.toString(), "-o",
                folder.resolve("out2.mp4").toString(), "--confidence", folder.resolve("notes.txt").toString());
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("notes.txt"), refused.err());
        assertEquals("the user's notes", Files.readString(folder.resolve("notes.txt")));

        CliRunner.Result noEstimate = CliRunner.run("colorize", film.toString(), "-e", exemplar.toString(), "-o",
                folder.resolve("out3.mp4").toString(), "--confidence", folder.resolve("confidence3").toString());
        assertEquals(1, noEstimate.exitCode());
        assertTrue(noEstimate.err().lines().anyMatch(line -> line.startsWith("nitrate: " + folder.resolve("confidence3"))
                && line.contains("gives no confidence map")), noEstimate.err());
    }

    @Test
    void grayscaleExemplarGivesAWarning() throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 64, 48, 4, new Rational(25, 1));
        Path gray = Renders.solidExemplar(folder.resolve("gray.png"), 128, 128, 128);
        CliRunner.Result result = CliRunner.run("colorize", film.toString(), "--exemplar", gray.toString(), "-o", folder.resolve("frames").toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.err().contains("warning: " + gray) && result.err().contains("grayscale"), result.err());
        assertEquals(4, Files.list(folder.resolve("frames")).filter(f -> f.toString().endsWith(".png")).count());
    }

    @Test
    void subcommandsAreListedInOnePlace() {
        Set<String> names = new NitrateCli(ColorizerProvider.engine()).commandLine().getSubcommands().keySet();
        assertEquals(Set.of("info", "shots", "colorize", "demo", "evaluate", "bench", "plan", "render-part", "assemble", "slurm", "verify", "suggest"), names.stream().collect(Collectors.toSet()));
        assertEquals(NitrateCli.SUBCOMMANDS.size(), names.size());
    }

    @Test
    void modelSizeReadoutMemoryAndExemplarModeReachTheRequest() throws Exception {
        picocli.CommandLine line = new NitrateCli(ColorizerProvider.engine()).commandLine();
        ColorizeCommand colorize = line.getSubcommands().get("colorize").getCommand();
        line.parseArgs("colorize", "film.mp4", "-e", "ex.png@0", "-o", "o.mp4", "--model-size", "960x536", "--readout-memory", "64",
                "--exemplar-is-frame");
        var request = colorize.render.request();
        assertEquals(960 * 536, request.inference().modelMaxArea());
        assertEquals(64L << 20, request.inference().readoutBudgetBytes());
        assertTrue(request.exemplarIsFrame());
        line.parseArgs("colorize", "film.mp4", "-e", "ex.png", "-o", "o.mp4");
        var defaults = colorize.render.request();
        assertEquals(null, defaults.inference().modelMaxArea());
        assertEquals(dev.nitrate.engine.colorize.InferenceOptions.DEFAULT_READOUT_BUDGET_BYTES, defaults.inference().readoutBudgetBytes());
        assertTrue(!defaults.exemplarIsFrame());
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 64, 48, 4, new Rational(25, 1));
        Path red = Renders.solidExemplar(folder.resolve("red.png"), 200, 40, 40);
        CliRunner.Result wrong = CliRunner.run("colorize", film.toString(), "-e", red.toString(), "-o", folder.resolve("o.mp4").toString(),
                "--model-size", "10x10");
        assertEquals(1, wrong.exitCode());
        assertEquals(1, wrong.err().lines().count(), wrong.err());
        assertTrue(wrong.err().contains("--model-size"), wrong.err());
    }

    @Test
    void engineDeveloperSettingsAreHiddenOptionsThatReachTheInferenceOptions() {
        picocli.CommandLine line = new NitrateCli(ColorizerProvider.engine()).commandLine();
        ColorizeCommand colorize = line.getSubcommands().get("colorize").getCommand();
        line.parseArgs("colorize", "film.mp4", "-e", "ex.png", "-o", "o.mp4", "--local-attention", "graph", "--ort-spinning");
        var options = colorize.render.engineOptions.inference(dev.nitrate.engine.colorize.ComputeDevice.CPU, 0);
        assertEquals(dev.nitrate.engine.colorize.InferenceOptions.LocalAttentionPath.GRAPH, options.localAttention());
        assertTrue(options.ortSpinning());
        var defaults = new dev.nitrate.engine.colorize.InferenceOptions(dev.nitrate.engine.colorize.ComputeDevice.CPU, 0, null);
        assertEquals(dev.nitrate.engine.colorize.InferenceOptions.LocalAttentionPath.WINDOW, defaults.localAttention());
        assertTrue(!defaults.ortSpinning());
        String help = CliRunner.run("colorize", "--help").out();
        assertTrue(help.contains("--device") && !help.contains("--local-attention") && !help.contains("--ort-spinning"), help);
        CliRunner.Result wrong = CliRunner.run("colorize", "film.mp4", "-e", "ex.png", "-o", "o.mp4", "--local-attention", "fast");
        assertEquals(1, wrong.exitCode());
        assertEquals(1, wrong.err().lines().count(), wrong.err());
        assertTrue(wrong.err().contains("'fast' is not window or graph"), wrong.err());
    }

    @Test
    void withoutAnEngineTheColorizeCommandSaysSo() throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 64, 48, 4, new Rational(25, 1));
        Path exemplar = Renders.solidExemplar(folder.resolve("ex.png"), 200, 80, 40);
        java.io.StringWriter err = new java.io.StringWriter();
        int code = new NitrateCli(ColorizerProvider.named("dev.nitrate.engine.colormnet.NoSuchFactory")).run(
                new String[] {"colorize", film.toString(), "-e", exemplar.toString(), "-o", folder.resolve("o.mp4").toString()},
                new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err));
        assertEquals(1, code);
        assertTrue(err.toString().contains("no colorization engine"), err.toString());
    }
}
