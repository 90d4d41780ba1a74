package dev.nitrate.cli;

import dev.nitrate.engine.cluster.ClusterRender;
import dev.nitrate.engine.cluster.PlanException;
import dev.nitrate.engine.colorize.ColorizerFactory;
import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.render.RenderJob;
import dev.nitrate.engine.render.RenderOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nitrate render-part PLAN --index K}: renders one part of a plan into its work folder. */
@Command(name = "render-part", mixinStandardHelpOptions = true,
        description = {"Render part K of a plan into the output's work folder (what a cluster task runs).",
            "Resumable and idempotent: a killed part continues where it stopped; a part already done is left as it is."})
final class RenderPartCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file written by nitrate plan.")
    Path plan;

    @Option(names = "--index", required = true, paramLabel = "K", description = "The part, from 0 (in a Slurm array: $SLURM_ARRAY_TASK_ID).")
    int index;

    @Option(names = "--verbose", description = "Show stack traces.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ColorizerProvider engine;

    RenderPartCommand(ColorizerProvider engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        try {
            ColorizerFactory factory = engine.factory();
            RenderRunner runner = new RenderRunner(err, ComputeDevice.CPU);
            RenderJob job = ClusterRender.partJob(plan, index, factory, runner.listener());
            return runner.run(job, outcome -> {
                RenderOutcome.PartRendered part = (RenderOutcome.PartRendered) outcome;
                out.printf(Locale.ROOT, part.alreadyDone() ? "part %d (%d frames) was already done%n" : "rendered part %d (%d frames)%n", part.index(), part.frames());
                out.flush();
                return new CommandResult.Success();
            }).exit(err, verbose);
        } catch (ColorizerProvider.MissingEngineException | PlanException e) {
            return CommandResult.failure(e.getMessage(), e).exit(err, verbose);
        }
    }
}
