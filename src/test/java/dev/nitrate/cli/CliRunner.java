package dev.nitrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures its output. */
final class CliRunner {

    record Result(int exitCode, String out, String err) {}

    private CliRunner() {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String previous = System.getProperty(ColorizerProvider.OVERRIDE_PROPERTY);
        System.setProperty(ColorizerProvider.OVERRIDE_PROPERTY, "dev.nitrate.testing.MeanChromaColorizerFactory");
        try {
            int code = NitrateCli.run(args, new PrintWriter(out), new PrintWriter(err));
            return new Result(code, out.toString(), err.toString());
        } finally {
            if (previous == null) {
                System.clearProperty(ColorizerProvider.OVERRIDE_PROPERTY);
            } else {
                System.setProperty(ColorizerProvider.OVERRIDE_PROPERTY, previous);
            }
        }
    }
}
