package dev.nitrate.cli;

import java.io.PrintWriter;
import java.util.Optional;

/** What a command came to; turned into an exit code and at most one line on stderr. */
sealed interface CommandResult permits CommandResult.Success, CommandResult.Failure, CommandResult.Cancelled {

    /** Done. */
    record Success() implements CommandResult {}

    /** Bad input or a failed operation: the message names the file and the problem. */
    record Failure(String message, Optional<Throwable> cause) implements CommandResult {}

    /** Stopped by the user. */
    record Cancelled(String message) implements CommandResult {}

    static CommandResult failure(String message, Throwable cause) {
        return new Failure(message, Optional.ofNullable(cause));
    }

    default int exit(PrintWriter err, boolean verbose) {
        if (this instanceof Failure failure) {
            return Failures.report(err, failure.message(), failure.cause().orElse(null), verbose);
        }
        if (this instanceof Cancelled cancelled) {
            err.println("nitrate: " + cancelled.message());
            err.flush();
            return Failures.CANCELLED;
        }
        return Failures.OK;
    }
}
