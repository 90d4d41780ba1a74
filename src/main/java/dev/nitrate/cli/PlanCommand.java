package dev.nitrate.cli;

import dev.nitrate.engine.cluster.ClusterPlan;
import dev.nitrate.engine.cluster.ClusterRender;
import dev.nitrate.engine.cluster.PlanException;
import dev.nitrate.engine.cluster.ScalingSimulator;
import dev.nitrate.engine.colorize.ColorizerFactory;
import dev.nitrate.engine.render.RenderListener;
import dev.nitrate.engine.render.RenderRequest;
import dev.nitrate.engine.shots.Shot;
import dev.nitrate.engine.shots.ShotDetector;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.Films;
import dev.nitrate.engine.video.MediaException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nitrate plan FILM -e ... -o OUT [--parts N | --max-frames-per-part F]}: splits a render into parts for a cluster. */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Plan a render in parts for a cluster: find the shots, split them into parts of whole shots balanced by frames,",
            "and write the plan (JSON) into the output's work folder, which must be on a file system every node shares.",
            "Then run 'nitrate render-part PLAN --index K' for every part and 'nitrate assemble PLAN' (or use 'nitrate slurm').",
            "With --simulate NODES it prints the makespan and efficiency for 1..NODES nodes instead."})
final class PlanCommand implements Callable<Integer> {

    @Mixin
    RenderOptions render = new RenderOptions();

    @Mixin
    PartOptions parts = new PartOptions();

    @Option(names = "--simulate", paramLabel = "NODES", description = "Print the scaling table for 1, 2, 4, ... NODES nodes; writes no plan (needs only FILM, or --synthetic-shots).")
    Integer simulate;

    @Option(names = "--seconds-per-frame", paramLabel = "S", defaultValue = "3.5",
            description = "With --simulate: measured render time per frame (default: ${DEFAULT-VALUE}, ColorMNet at 854x480 on a 2-core CPU; see nitrate bench).")
    double secondsPerFrame;

    @Option(names = "--startup-seconds", paramLabel = "S", defaultValue = "10", description = "With --simulate: start-up time of one part (default: ${DEFAULT-VALUE}).")
    double startupSeconds;

    @Option(names = "--synthetic-shots", paramLabel = "N", description = "With --simulate: a made-up feature of N shots (log-normal lengths, median 4 s at 24 fps) instead of FILM.")
    Integer syntheticShots;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ColorizerProvider engine;

    PlanCommand(ColorizerProvider engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() {
        render.common.apply();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (simulate != null) {
                List<Shot> shots = syntheticShots != null ? ScalingSimulator.syntheticFeature(syntheticShots, 1) : detect();
                out.print(ScalingSimulator.format(shots, ScalingSimulator.table(shots, simulate, secondsPerFrame, startupSeconds), secondsPerFrame, startupSeconds));
                out.flush();
                return Failures.OK;
            }
            RenderRequest request = render.request();
            ColorizerFactory factory = engine.factory();
            ClusterRender.Planned planned = ClusterRender.plan(request, factory, new RenderRunner(err, request.inference().device()).listener(), parts.count());
            out.print(describe(planned));
            out.flush();
            return Failures.OK;
        } catch (IllegalArgumentException | ColorizerProvider.MissingEngineException | PlanException | MediaException e) {
            return CommandResult.failure(e.getMessage(), e).exit(err, render.common.verbose);
        }
    }

    private List<Shot> detect() throws MediaException {
        if (render.film == null) {
            throw new IllegalArgumentException("--simulate needs FILM or --synthetic-shots N");
        }
        try (FilmReader reader = Films.open(render.film, render.common.openOptions())) {
            return ShotDetector.detect(reader, 0, reader.info().frameCount() - 1, done -> { }, () -> false);
        }
    }

    static String describe(ClusterRender.Planned planned) {
        ClusterPlan plan = planned.plan();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "wrote plan %s: %d frames, %s, %d part%s%n", planned.planFile(), plan.frames(),
                count(plan.shots().size(), "shot"), plan.parts().size(), plan.parts().size() == 1 ? "" : "s"));
        for (ClusterPlan.Part part : plan.parts()) {
            text.append(String.format(Locale.ROOT, "  part %d: %d frames in %s%n", part.index(), part.frames(), count(part.shots().size(), "shot")));
        }
        return text.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** How many parts: {@code --parts N} or {@code --max-frames-per-part F}. */
    static final class PartOptions {

        @Option(names = "--parts", paramLabel = "N", description = "Split into N parts (default: 1 part per 2000 frames, at most one per shot).")
        Integer parts;

        @Option(names = "--max-frames-per-part", paramLabel = "F", description = "The fewest parts of at most F frames (a longer shot is a part of its own).")
        Long maxFrames;

        ClusterRender.PartCount count() {
            if (parts != null && maxFrames != null) {
                throw new IllegalArgumentException("--parts and --max-frames-per-part exclude each other: give one");
            }
            return parts != null ? new ClusterRender.PartCount.Parts(parts)
                    : new ClusterRender.PartCount.MaxFrames(maxFrames != null ? maxFrames : 2000);
        }
    }
}
