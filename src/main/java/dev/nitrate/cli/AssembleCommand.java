package dev.nitrate.cli;

import dev.nitrate.engine.cluster.ClusterRender;
import dev.nitrate.engine.cluster.PlanException;
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

/** {@code nitrate assemble PLAN}: checks every part of a plan and joins them into the output. */
@Command(name = "assemble", mixinStandardHelpOptions = true,
        description = {"Check every part of a plan (checksums) and join them, without re-encoding, into the output.",
            "A missing or damaged part is refused with the command that renders it again."})
final class AssembleCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file written by nitrate plan.")
    Path plan;

    @Option(names = "--verbose", description = "Show stack traces.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ColorizerProvider engine;

    AssembleCommand(ColorizerProvider engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        try {
            RenderRunner runner = new RenderRunner(err, ComputeDevice.CPU);
            RenderJob job = ClusterRender.assemblyJob(plan, engine.factory(), runner.listener());
            return runner.run(job, outcome -> {
                RenderOutcome.Completed done = (RenderOutcome.Completed) outcome;
                out.printf(Locale.ROOT, "wrote %s (%d frames)%n", done.output(), done.frames());
                out.flush();
                return new CommandResult.Success();
            }).exit(err, verbose);
        } catch (ColorizerProvider.MissingEngineException | PlanException e) {
            return CommandResult.failure(e.getMessage(), e).exit(err, verbose);
        }
    }
}
