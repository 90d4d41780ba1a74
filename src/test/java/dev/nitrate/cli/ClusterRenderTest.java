package dev.nitrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.testing.Renders;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A render planned in parts, rendered part by part (in any order, again, after damage) and assembled, is
 * byte-identical to {@code nitrate colorize} of the same inputs on one machine, for MP4 and PNG; bad
 * input gets one line.
 */
class ClusterRenderTest {

    @TempDir
    Path folder;

    /** A 30-frame film of three 10-frame shots (hard cuts at frames 10 and 20). */
    static Path threeShotFilm(Path file) throws Exception {
        return TestMedia.writeVideo(file, "mp4", VideoCodec.H264, 64, 48, 30, new Rational(25, 1), i -> TestMedia.sceneFrame(i / 10 * 2, i, 64, 48));
    }

    static List<String> renderOptions(Path output) {
        List<String> options = new ArrayList<>(List.of("-o", output.toString(), "--preset", "veryfast", "--segment-frames", "4"));
        if (!output.getFileName().toString().endsWith(".mp4")) {
            options.addAll(List.of("--format", "png"));
        }
        return options;
    }

    private static CliRunner.Result run(List<String> first, List<String> more) {
        List<String> args = new ArrayList<>(first);
        args.addAll(more);
        return CliRunner.run(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"parts.mp4", "parts-frames"})
    void partsRenderedInAnyOrderAssembleToTheSingleMachineBytes(String name) throws Exception {
        Path film = threeShotFilm(folder.resolve("film.mp4"));
        Path exemplar = Renders.solidExemplar(folder.resolve("ex.png"), 200, 80, 40);
        Path reference = folder.resolve("reference-" + name);
        CliRunner.Result single = run(List.of("colorize", film.toString(), "-e", exemplar.toString()), renderOptions(reference));
        assertEquals(0, single.exitCode(), single.err());

        Path output = folder.resolve(name);
        CliRunner.Result planned = run(List.of("plan", film.toString(), "-e", exemplar.toString(), "--parts", "2"), renderOptions(output));
        assertEquals(0, planned.exitCode(), planned.err());
        Path plan = folder.resolve("." + name + ".nitrate-work").resolve("plan.json");
        assertTrue(planned.out().contains("wrote plan " + plan + ": 30 frames, 3 shots, 2 parts"), planned.out());
        JsonNode json = new ObjectMapper().readTree(plan.toFile());
        assertEquals("[\"0-9\",\"20-29\"]", json.at("/parts/0/shots").toString(), "longest first: the third shot joins the lighter first part");
        assertEquals("[\"10-19\"]", json.at("/parts/1/shots").toString());
        assertEquals(64, json.at("/film/sha256").asText().length());

        CliRunner.Result missing = CliRunner.run("assemble", plan.toString());
        assertEquals(1, missing.exitCode());
        assertEquals(List.of("nitrate: " + output + ": part 0 (frames 0-9, 20-29) is not rendered (or did not finish); run nitrate render-part "
                + plan + " --index 0"), missing.err().lines().toList());

        for (int index : new int[] {1, 0}) {
            CliRunner.Result part = CliRunner.run("render-part", plan.toString(), "--index", String.valueOf(index));
            assertEquals(0, part.exitCode(), part.err());
            assertTrue(part.out().contains("rendered part " + index), part.out());
        }
        CliRunner.Result again = CliRunner.run("render-part", plan.toString(), "--index", "0");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("part 0 (20 frames) was already done"), again.out());
        assertFalse(Files.exists(output), "parts never publish the output");

        CliRunner.Result assembled = CliRunner.run("assemble", plan.toString());
        assertEquals(0, assembled.exitCode(), assembled.err());
        ResumeAfterKillTest.assertSameBytes(reference, output);
        assertFalse(Files.exists(plan.getParent()), "the work folder, plan included, is removed after the assembly");
        CliRunner.Result verified = CliRunner.run("verify", output.toString());
        assertEquals(0, verified.exitCode(), "the assembly writes the output's provenance record: " + verified.out() + verified.err());
        assertEquals(dev.nitrate.engine.provenance.ProvenanceJson.read(folder.resolve("reference-" + name + ".nitrate.json")).outputFrames(),
                dev.nitrate.engine.provenance.ProvenanceJson.read(folder.resolve(name + ".nitrate.json")).outputFrames());
    }

    private static CliRunner.Result builtin(List<String> first, List<String> more) {
        List<String> args = new ArrayList<>(first);
        args.addAll(more);
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = new NitrateCli(ColorizerProvider.engine()).run(args.toArray(String[]::new), new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        return new CliRunner.Result(code, out.toString(), err.toString());
    }

    @Test
    void withTheBuiltInPackPartsAssembleToTheSingleMachineBytes() throws Exception {
        Path film = threeShotFilm(folder.resolve("film.mp4"));
        Path exemplar = Renders.solidExemplar(folder.resolve("ex.png"), 200, 80, 40);
        Path reference = folder.resolve("reference.mp4");
        CliRunner.Result single = builtin(List.of("colorize", film.toString(), "-e", exemplar.toString()), renderOptions(reference));
        assertEquals(0, single.exitCode(), single.err());
        assertTrue(single.err().contains("pack built-in"), single.err());
        Path output = folder.resolve("parts.mp4");
        assertEquals(0, builtin(List.of("plan", film.toString(), "-e", exemplar.toString(), "--parts", "3"), renderOptions(output)).exitCode());
        Path plan = folder.resolve(".parts.mp4.nitrate-work").resolve("plan.json");
        for (int index : new int[] {2, 0, 1}) {
            CliRunner.Result part = builtin(List.of("render-part", plan.toString(), "--index", String.valueOf(index)), List.of());
            assertEquals(0, part.exitCode(), part.err());
        }
        CliRunner.Result assembled = builtin(List.of("assemble", plan.toString()), List.of());
        assertEquals(0, assembled.exitCode(), assembled.err());
        ResumeAfterKillTest.assertSameBytes(reference, output);
    }

    @Test
    void aDamagedPartIsRefusedByNameAndRenderedAgainByItsTask() throws Exception {
        Path film = threeShotFilm(folder.resolve("film.mp4"));
        Path exemplar = Renders.solidExemplar(folder.resolve("ex.png"), 60, 140, 210);
        Path reference = folder.resolve("reference.mp4");
        assertEquals(0, run(List.of("colorize", film.toString(), "-e", exemplar.toString()), renderOptions(reference)).exitCode());
        Path output = folder.resolve("out.mp4");
        assertEquals(0, run(List.of("plan", film.toString(), "-e", exemplar.toString(), "--max-frames-per-part", "10"), renderOptions(output)).exitCode());
        Path work = folder.resolve(".out.mp4.nitrate-work");
        Path plan = work.resolve("plan.json");
        for (int index = 0; index < 3; index++) {
            assertEquals(0, CliRunner.run("render-part", plan.toString(), "--index", String.valueOf(index)).exitCode());
        }
        Path segment = work.resolve("segments").resolve("seg-000000000014.nut");
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(segment, bytes);

        CliRunner.Result refused = CliRunner.run("assemble", plan.toString());
        assertEquals(1, refused.exitCode());
        assertEquals(List.of("nitrate: " + output + ": part 1 (frames 10-19) is damaged: a finished segment (from frame 14) no longer matches its"
                + " checksum; run nitrate render-part " + plan + " --index 1"), refused.err().lines().toList());
        assertFalse(Files.exists(output));

        CliRunner.Result rerendered = CliRunner.run("render-part", plan.toString(), "--index", "1");
        assertEquals(0, rerendered.exitCode(), rerendered.err());
        assertTrue(rerendered.err().contains("part 1 (frames 10-19) is damaged"), rerendered.err());
        assertTrue(rerendered.out().contains("rendered part 1 (10 frames)"), rerendered.out());
        assertEquals(0, CliRunner.run("assemble", plan.toString()).exitCode());
        ResumeAfterKillTest.assertSameBytes(reference, output);
    }

    @Test
    void badPlansAndIndexesGetOneLine() throws Exception {
        Path film = threeShotFilm(folder.resolve("film.mp4"));
        Path exemplar = Renders.solidExemplar(folder.resolve("ex.png"), 60, 140, 210);
        Path output = folder.resolve("out.mp4");
        Path plan = folder.resolve(".out.mp4.nitrate-work").resolve("plan.json");
        CliRunner.Result none = CliRunner.run("render-part", plan.toString(), "--index", "0");
        assertEquals(1, none.exitCode());
        assertEquals(List.of("nitrate: " + plan + ": no such plan (make one with nitrate plan; an assembled render removes its plan with its work folder)"),
                none.err().lines().toList());

        assertEquals(0, run(List.of("plan", film.toString(), "-e", exemplar.toString(), "--parts", "3"), renderOptions(output)).exitCode());
        CliRunner.Result wrongIndex = CliRunner.run("render-part", plan.toString(), "--index", "3");
        assertEquals(1, wrongIndex.exitCode());
        assertEquals(List.of("nitrate: " + plan + ": --index 3: the plan has parts 0-2"), wrongIndex.err().lines().toList());

        Renders.solidExemplar(exemplar, 61, 140, 210);
        CliRunner.Result changed = CliRunner.run("render-part", plan.toString(), "--index", "0");
        assertEquals(1, changed.exitCode());
        assertEquals(List.of("nitrate: " + exemplar + ": changed since the plan was made; make the plan again"), changed.err().lines().toList());

        Path notAPlan = Files.writeString(folder.resolve("notes.json"), "{\"format\": \"something else\"}");
        CliRunner.Result foreign = CliRunner.run("assemble", notAPlan.toString());
        assertEquals(1, foreign.exitCode());
        assertEquals(1, foreign.err().lines().count(), foreign.err());
        assertTrue(foreign.err().contains(notAPlan + ": is not a Nitrate plan"), foreign.err());
        assertEquals("{\"format\": \"something else\"}", Files.readString(notAPlan));
    }

    @Test
    void slurmDryRunPrintsTheScriptsOfThePlanItWrote() throws Exception {
        Path film = threeShotFilm(folder.resolve("film.mp4"));
        Path exemplar = Renders.solidExemplar(folder.resolve("ex.png"), 60, 140, 210);
        Path output = folder.resolve("out.mp4");
        CliRunner.Result dry = run(List.of("slurm", film.toString(), "-e", exemplar.toString(), "--parts", "3", "--dry-run", "--partition", "gpu",
                "--gpus-per-task", "1", "--time", "2:00:00", "--launcher", "/opt/nitrate/bin/nitrate"), renderOptions(output));
        assertEquals(0, dry.exitCode(), dry.err());
        Path plan = folder.resolve(".out.mp4.nitrate-work").resolve("plan.json");
        String out = dry.out();
        assertTrue(out.contains("#SBATCH --array=0,1,2\n"), out);
        assertTrue(out.contains("#SBATCH --partition=gpu") && out.contains("#SBATCH --gpus-per-task=1") && out.contains("#SBATCH --time=2:00:00"), out);
        assertTrue(out.contains("exec /opt/nitrate/bin/nitrate render-part '" + plan + "' --index \"$SLURM_ARRAY_TASK_ID\""), out);
        assertTrue(out.contains("exec /opt/nitrate/bin/nitrate assemble '" + plan + "'"), out);
        assertTrue(out.contains("export ORT_DISABLE_TELEMETRY=1"), out);
        assertTrue(dry.err().contains("is under /tmp, which is usually local to each machine") || !folder.startsWith("/tmp"), dry.err());

        CliRunner.Result resume = CliRunner.run("slurm", "--resume", plan.toString(), "--index", "1", "--dry-run", "--launcher", "nitrate");
        assertEquals(0, resume.exitCode(), resume.err());
        assertTrue(resume.out().contains("#SBATCH --array=1\n"), resume.out());
        CliRunner.Result noIndex = CliRunner.run("slurm", "--resume", plan.toString(), "--dry-run");
        assertEquals(1, noIndex.exitCode());
        assertEquals(1, noIndex.err().lines().count(), noIndex.err());
    }

    @Test
    void planSimulatePrintsTheScalingTableWithTheLongestShotLimit() throws Exception {
        Path film = threeShotFilm(folder.resolve("film.mp4"));
        CliRunner.Result table = CliRunner.run("plan", film.toString(), "--simulate", "4", "--seconds-per-frame", "2", "--startup-seconds", "0");
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().contains("3 shots, 30 frames, longest shot 10 frames"), table.out());
        assertTrue(table.out().contains("| 2 | 2 | 20 | 40 s | 1.5 | 75% |"), table.out());
        assertTrue(table.out().contains("| 4 | 3 | 10 | 20 s | 3.0 | 75% |"), table.out());
        assertTrue(table.out().contains("limit: no number of nodes renders faster than the longest shot, 20 s (speed-up at most 3.0)"), table.out());
        assertFalse(Files.exists(folder.resolve(".film.mp4.nitrate-work")));
        CliRunner.Result feature = CliRunner.run("plan", "--simulate", "64", "--synthetic-shots", "900");
        assertEquals(0, feature.exitCode(), feature.err());
        assertTrue(feature.out().startsWith("900 shots,") && feature.out().contains("| 64 | 64 |"), feature.out());
    }
}
