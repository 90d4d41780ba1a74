package dev.nitrate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nitrate.engine.shots.Shot;
import dev.nitrate.engine.shots.ShotDetector;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.Films;
import dev.nitrate.engine.video.MediaException;
import dev.nitrate.engine.video.Rational;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nitrate shots FILM}: the film's hard cuts. */
@Command(name = "shots", mixinStandardHelpOptions = true, description = "List the shots of a film (hard cuts).")
final class ShotsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILM")
    Path film;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        common.apply();
        PrintWriter out = spec.commandLine().getOut();
        List<Shot> shots;
        Rational rate;
        try (FilmReader reader = Films.open(film, common.openOptions())) {
            rate = reader.info().frameRate();
            ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "shots");
            shots = ShotDetector.detect(reader, 0, reader.info().frameCount() - 1,
                    done -> bar.update(done, reader.info().frameCount(), 0, java.util.Optional.empty()), () -> false);
            bar.finish();
        } catch (MediaException e) {
            return CommandResult.failure(e.getMessage(), e).exit(spec.commandLine().getErr(), common.verbose);
        }
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Shot shot : shots) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("first", shot.first());
                entry.put("last", shot.last());
                entry.put("frames", shot.frameCount());
                entry.put("startSeconds", rate.secondsAt(shot.first()));
                list.add(entry);
            }
            out.println(new ObjectMapper().writeValueAsString(list));
        } else {
            for (int i = 0; i < shots.size(); i++) {
                Shot shot = shots.get(i);
                out.printf(Locale.ROOT, "shot %d: frames %d-%d (%d frames, from %s)%n", i + 1, shot.first(), shot.last(), shot.frameCount(),
                        ProgressBar.clock(rate.secondsAt(shot.first())));
            }
        }
        out.flush();
        return Failures.OK;
    }
}
