package dev.nitrate.cli;

import java.io.PrintWriter;

/** How commands end and how failures are shown: one line naming the file and the problem; the stack trace only with --verbose. */
final class Failures {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int CANCELLED = 3;

    private Failures() {}

    static int report(PrintWriter err, String message, Throwable cause, boolean verbose) {
        err.println("nitrate: " + message);
        if (verbose && cause != null) {
            cause.printStackTrace(err);
        }
        err.flush();
        return FAILED;
    }
}
