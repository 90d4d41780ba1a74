package dev.nitrate.app.timeline;

import dev.nitrate.app.preview.ExemplarCoverage;
import dev.nitrate.app.preview.FrameFigures;
import dev.nitrate.engine.confidence.ExemplarSuggester.Suggestion;
import java.util.Locale;

/** What the lanes say, in plain words, about the frame under the mouse. */
final class LaneTooltips {

    static final String FIGURES_LEGEND = String.format(Locale.ROOT, """
            For each previewed frame:
            white line, confidence: how much of the frame's colour the colorizer carried from an exemplar
              (1: all of it, 0: all guessed); red mark under %.2f: that frame needs another exemplar.
            violet line, colourfulness: how colourful the result is (0: gray, 15: slightly, 33 and more: clearly);
              red mark under %.0f: the colour has washed out.
            blue bars, colour change: how much the colours moved since the previous frame;
              orange mark at the top above %.2f: the colours jump (flicker or a missed cut).
            Green triangles below: the frames where a new exemplar would help most (click one to go there).""",
            FrameFigures.UNSURE, FrameFigures.DULL, FrameFigures.JUMP);

    private LaneTooltips() {}

    /** The tooltip for {@code frame} in {@code row}, or null where the row says nothing. */
    static String describe(TimelineRow row, int frame, LaneContent content, Suggestion suggestion) {
        if (row == null) {
            return null;
        }
        return switch (row) {
            case COVERAGE -> coverage(content.coverageAt(frame));
            case PREVIEWED -> content.previewed().get(frame)
                    ? "Frame " + frame + ": preview cached (green: frames already previewed)"
                    : "Frame " + frame + ": not previewed yet (P previews the shot; green marks previewed frames)";
            case FIGURES -> figures(frame, content.figures().get(frame));
            case SUGGESTIONS -> suggestion == null ? "Suggested exemplars: the frames where a new exemplar would help most"
                    + " (lowest confidence, at most one per " + TimelineLanes.MIN_GAP + " frames of a shot); preview a shot to get them"
                    : suggestion(suggestion);
            default -> null;
        };
    }

    static String coverage(ExemplarCoverage.ShotCoverage shot) {
        if (shot == null) {
            return null;
        }
        String where = "Shot " + (shot.shot() + 1) + " (frames " + shot.first() + "-" + (shot.end() - 1) + ")";
        if (shot.exemplars().isEmpty()) {
            return where + ": no exemplar colours it yet; add one";
        }
        String names = String.join(", ", shot.exemplars().stream().map(e -> e.originalName() + " (frame " + e.frame() + ")").toList());
        return shot.inherited()
                ? where + ": coloured by " + names + ", inherited from shot " + (shot.fromShot() + 1)
                        + ": it has no exemplar pinned in it, so it takes shot " + (shot.fromShot() + 1) + "'s"
                : where + ": coloured by " + names + ", pinned in this shot";
    }

    static String figures(int frame, FrameFigures f) {
        if (f == null) {
            return "Frame " + frame + ": not previewed.\n" + FIGURES_LEGEND;
        }
        StringBuilder text = new StringBuilder("Frame ").append(frame).append(":\n");
        f.confidence().ifPresentOrElse(c -> text.append(String.format(Locale.ROOT, "confidence %.2f%s%n", c,
                f.unsure() ? ", low: much of the colour is guessed, another exemplar would help" : "")),
                () -> text.append("confidence: this model pack gives none\n"));
        text.append(String.format(Locale.ROOT, "colourfulness %.1f%s%n", f.colourfulness(), f.dull() ? ", low: nearly gray" : ""));
        f.colourChange().ifPresentOrElse(c -> text.append(String.format(Locale.ROOT, "colour change %.3f%s%n", c,
                f.jumps() ? ", high: the colours jump here" : "")), () -> text.append("colour change: first frame of the preview\n"));
        return text.append('\n').append(FIGURES_LEGEND).toString();
    }

    static String suggestion(Suggestion s) {
        return String.format(Locale.ROOT, "Suggested exemplar at frame %d (shot %d, confidence %.2f): a new exemplar here would help"
                + " most. Click to go there; right-click to pin one.", s.frame(), s.shot() + 1, s.score());
    }
}
