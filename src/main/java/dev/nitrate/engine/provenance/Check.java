package dev.nitrate.engine.provenance;

/** The result of checking one item of a provenance record against the files. */
public sealed interface Check permits Check.Matches, Check.Differs, Check.NotChecked {

    /** What was checked, e.g. {@code output out.mp4} or {@code film ../film.mp4}. */
    String item();

    /** A few words on the result. */
    String detail();

    /** The files agree with the record. */
    record Matches(String item, String detail) implements Check {}

    /** The files disagree with the record. */
    record Differs(String item, String detail) implements Check {}

    /** The item could not be checked (an input that is not at its recorded place, a tag a copy dropped). */
    record NotChecked(String item, String detail) implements Check {}
}
