package dev.nitrate.cli;

import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.render.Progress;
import dev.nitrate.engine.render.RenderJob;
import dev.nitrate.engine.render.RenderListener;
import dev.nitrate.engine.render.RenderOutcome;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Runs a render job on the console: a progress bar and warnings on stderr, and Ctrl-C or SIGTERM cancels it, keeping what is done. */
final class RenderRunner {

    private final PrintWriter err;
    private final ComputeDevice requested;
    private final ProgressBar bar;

    RenderRunner(PrintWriter err, ComputeDevice requested) {
        this.err = err;
        this.requested = requested;
        this.bar = new ProgressBar(err, "");
    }

    /** The listener to build the job with. */
    RenderListener listener() {
        return new RenderListener() {
            private Progress.Phase phase;

            @Override
            public void progress(Progress progress) {
                if (phase != progress.phase()) {
                    bar.finish();
                    phase = progress.phase();
                }
                if (progress.phase() != Progress.Phase.ASSEMBLING) {
                    bar.relabel(progress.phase().label());
                    bar.update(progress.done(), progress.total(), progress.framesPerSecond(), progress.eta());
                }
            }

            @Override
            public void engineOpened(String deviceDescription, PackLocation pack) {
                bar.finish();
                err.println(ColorizeCommand.engineLine(requested, deviceDescription, pack));
                err.flush();
            }

            @Override
            public void warning(String message) {
                bar.finish();
                err.println("nitrate: warning: " + message);
                err.flush();
            }
        };
    }

    /** Runs the job (built with {@link #listener()}) and turns its outcome into a result. */
    CommandResult run(RenderJob job, Function<RenderOutcome, CommandResult> onSuccess) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread cancelOnInterrupt = new Thread(() -> {
            job.cancel();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "nitrate-cancel");
        Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
        try {
            RenderOutcome outcome = job.run();
            bar.finish();
            if (outcome instanceof RenderOutcome.Cancelled cancelled) {
                return new CommandResult.Cancelled("cancelled after " + cancelled.framesDone() + " frames; run the same command again to resume");
            }
            if (outcome instanceof RenderOutcome.Failed failed) {
                return new CommandResult.Failure(failed.message(), failed.cause());
            }
            return onSuccess.apply(outcome);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(cancelOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running: it cancelled the job and waits for this report
            }
        }
    }
}
