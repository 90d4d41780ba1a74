package dev.nitrate.testing;

import dev.nitrate.Main;
import dev.nitrate.cli.ColorizerProvider;

/** The program's command line composed with {@link MeanChromaColorizerFactory}: tests run it in child JVMs instead of {@code dev.nitrate.Main}. */
public final class MeanChromaMain {

    private MeanChromaMain() {}

    public static void main(String[] args) {
        System.exit(Main.runCommandLine(args, ColorizerProvider.of(new MeanChromaColorizerFactory())));
    }
}
