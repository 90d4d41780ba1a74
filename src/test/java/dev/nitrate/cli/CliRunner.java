package dev.nitrate.cli;

import dev.nitrate.testing.MeanChromaColorizerFactory;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process, composed with the deterministic test colorizer, and captures its output. */
final class CliRunner {

    record Result(int exitCode, String out, String err) {}

    private CliRunner() {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new NitrateCli(ColorizerProvider.of(new MeanChromaColorizerFactory())).run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /** The same with the real engine (the built-in pack by default). */
    static Result runEngine(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new NitrateCli(ColorizerProvider.engine()).run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }
}
