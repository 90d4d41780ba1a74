package dev.nitrate.app.compare;

import dev.nitrate.app.compare.ShotFigures.Figures;

/**
 * What two sides' figures say, in words that hold. Higher colourfulness is only "more colourful" (not "better"); lower
 * CDC is "steadier colour" only when that side is not also the paler one: a paler picture has less colour to change,
 * so its CDC is lower without its colour being any steadier or better.
 */
public record FigureReading(Colour colour, Steadiness steadiness) {

    /** How one side's colourfulness compares with the other's. */
    public enum Colour {
        MORE_COLOURFUL("more colourful"),
        LESS_COLOURFUL("less colourful"),
        AS_COLOURFUL("about as colourful");

        private final String words;

        Colour(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** How one side's CDC compares with the other's. */
    public enum Steadiness {
        STEADIER("steadier colour"),
        LESS_STEADY("more colour flicker"),
        AS_STEADY("about as steady"),
        LOWER_BUT_PALER("lower only because paler"),
        HIGHER_BUT_MORE_COLOURFUL("higher, with more colour");

        private final String words;

        Steadiness(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** Colourfulness differences under this many points, or under 5 %, count as the same. */
    static final double COLOURFULNESS_SAME = 1.0;
    /** CDC differences under 5 % of the larger count as the same. */
    static final double RELATIVE_SAME = 0.05;

    /** How {@code side} reads against {@code other}. */
    public static FigureReading of(Figures side, Figures other) {
        Colour colour = colour(side.colourfulness(), other.colourfulness());
        double larger = Math.max(side.cdc(), other.cdc());
        Steadiness steadiness;
        if (Math.abs(side.cdc() - other.cdc()) <= RELATIVE_SAME * larger) {
            steadiness = Steadiness.AS_STEADY;
        } else if (side.cdc() < other.cdc()) {
            steadiness = colour == Colour.LESS_COLOURFUL ? Steadiness.LOWER_BUT_PALER : Steadiness.STEADIER;
        } else {
            steadiness = colour == Colour.MORE_COLOURFUL ? Steadiness.HIGHER_BUT_MORE_COLOURFUL : Steadiness.LESS_STEADY;
        }
        return new FigureReading(colour, steadiness);
    }

    private static Colour colour(double side, double other) {
        double same = Math.max(COLOURFULNESS_SAME, RELATIVE_SAME * Math.max(side, other));
        if (Math.abs(side - other) <= same) {
            return Colour.AS_COLOURFUL;
        }
        return side > other ? Colour.MORE_COLOURFUL : Colour.LESS_COLOURFUL;
    }

    /** The line under a side: both figures, each with what it says against the other side. */
    public static String line(Figures side, FigureReading reading, Figures source) {
        String cdc = String.format(java.util.Locale.ROOT, "CDC %.5f (%s", side.cdc(), reading.steadiness().words());
        if (source != null) {
            cdc += String.format(java.util.Locale.ROOT, "; gray source alone %.5f", source.cdc());
        }
        return String.format(java.util.Locale.ROOT, "Colourfulness %.1f (%s)\n%s)", side.colourfulness(), reading.colour().words(), cdc);
    }

    /** What the figures mean, in plain words, for the tooltip on each side's figures. */
    public static String explanation() {
        return """
                Colourfulness (Hasler and Süsstrunk): how vivid the colours are, averaged over the compared frames.
                Higher is more colourful: about 0 is gray, 15 to 33 moderately colourful, over 45 very colourful.
                More colour is not always better: check that the colours look right.

                CDC (colour distribution consistency): how much the colours change from frame to frame
                (1, 2 and 4 frames apart). Lower is steadier, with less flicker. Movement in the picture
                changes it too: the gray source's own CDC, shown beside it, is the figure without colour.
                A paler side has less colour to change, so its CDC is lower without its colour being steadier:
                it is then marked "lower only because paler".

                Neither figure says which side is right: look at both.""";
    }
}
