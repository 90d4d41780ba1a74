package dev.nitrate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nitrate.engine.colorize.ColorizeException;
import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackException;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.metrics.ConfidenceScan;
import dev.nitrate.engine.confidence.ExemplarSuggester;
import dev.nitrate.engine.exemplar.ExemplarFit;
import dev.nitrate.engine.exemplar.Exemplars;
import dev.nitrate.engine.exemplar.PinnedExemplar;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.metrics.FilmFrames;
import dev.nitrate.engine.video.MediaException;
import dev.nitrate.engine.video.Rational;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nitrate suggest FILM -e IMAGE ...}: the frames where another exemplar would help most. */
@Command(name = "suggest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Colorize a film without writing anything and list the frames where a new exemplar would help most:",
            "the lowest confidence scores, at most one per stretch of similar frames (docs/confidence.md)."})
final class SuggestCommand implements Callable<Integer> {

    static final int DEFAULT_MIN_GAP = 48;

    @Parameters(index = "0", paramLabel = "FILM", description = "A video file, a folder of images or a printf pattern.")
    Path film;

    @Option(names = {"-e", "--exemplar"}, required = true, paramLabel = "IMAGE[@FRAME][:FIT]",
            description = "The exemplars you have (as for colorize); all colour the film from its first frame here.")
    List<String> exemplars;

    @Option(names = "--count", paramLabel = "N", defaultValue = "5", description = "How many frames to suggest (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--min-gap", paramLabel = "FRAMES", defaultValue = "" + DEFAULT_MIN_GAP,
            description = "The fewest frames between two suggestions, or a suggestion and an exemplar, in one shot (default: ${DEFAULT-VALUE}).")
    int minGap;

    @Option(names = "--max-frames", paramLabel = "N", defaultValue = "0", description = "Scan only the first N frames (default: all).")
    int maxFrames;

    @Option(names = "--pack", paramLabel = "DIR", description = "Model pack folder (default: the built-in pack).")
    Path pack;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "cpu", description = "cpu, cuda or cuda:N.")
    String device;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Mixin
    CommonOptions common = new CommonOptions();

    @Mixin
    EngineOptions engineOptions = new EngineOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ColorizerProvider engine;

    SuggestCommand(ColorizerProvider engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() {
        common.apply();
        PrintWriter err = spec.commandLine().getErr();
        if (count < 1 || minGap < 1 || maxFrames < 0) {
            return CommandResult.failure("suggest: --count and --min-gap must be >= 1, --max-frames >= 0", null).exit(err, common.verbose);
        }
        try (FilmFrames reader = FilmFrames.open(film, common.openOptions(), 0, 0)) {
            List<LabImage> fitted = new ArrayList<>();
            List<Integer> pins = new ArrayList<>();
            for (String text : exemplars) {
                PinnedExemplar exemplar = PinnedExemplar.parse(text);
                fitted.add(Exemplars.fit(Exemplars.load(exemplar.image()), reader.width(), reader.height(),
                        exemplar.fitOr(ExemplarFit.STRETCH)));
                pins.add((int) exemplar.frameOr(0));
            }
            PackLocation location = pack == null ? PackLocation.BUILTIN : new PackLocation.Folder(pack);
            InferenceOptions options = engineOptions.inference(ComputeDevice.parse(device), 0);
            ProgressBar bar = new ProgressBar(err, "scan");
            long total = reader.info().frameCount();
            ConfidenceScan.Result scan;
            try (FrameColorizer colorizer = engine.factory().open(location, options, reader.width(), reader.height())) {
                scan = new ConfidenceScan(colorizer, done -> bar.update(done, maxFrames > 0 ? Math.min(maxFrames, total) : total, 0,
                        java.util.Optional.empty())).film(reader, fitted, maxFrames);
            }
            bar.finish();
            List<ExemplarSuggester.Suggestion> suggestions = new ExemplarSuggester(minGap).suggest(scan.scores(), scan.shotStarts(), pins, count);
            print(suggestions, reader.info().frameRate());
            return Failures.OK;
        } catch (IOException | MediaException | PackException | ColorizeException | ColorizerProvider.MissingEngineException
                | IllegalArgumentException e) {
            return CommandResult.failure("suggest: " + e.getMessage(), e).exit(err, common.verbose);
        }
    }

    private void print(List<ExemplarSuggester.Suggestion> suggestions, Rational rate) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<SuggestedFrame> frames = suggestions.stream().map(s -> new SuggestedFrame(s.frame(), s.shot() + 1,
                ProgressBar.clock(rate.secondsAt(s.frame())), rate.secondsAt(s.frame()), s.score())).toList();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(new SuggestOutput(film.toString(), frames)));
        } else {
            for (SuggestedFrame f : frames) {
                out.printf(Locale.ROOT, "frame %d  shot %d  %s  score %.3f%n", f.frame(), f.shot(), f.timecode(), f.score());
            }
        }
        out.flush();
    }

    /** The JSON document {@code --json} prints. */
    record SuggestOutput(String film, List<SuggestedFrame> suggestions) {}

    /** One suggestion: the frame (from 0), its shot (from 1), its time and score. */
    record SuggestedFrame(int frame, int shot, String timecode, double seconds, double score) {}
}
