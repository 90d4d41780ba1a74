package dev.nitrate.app.tasks;

/** Work for a lane; it polls its token and returns early once cancelled. */
@FunctionalInterface
public interface Task {
    void run(CancellationToken token) throws Exception;
}
