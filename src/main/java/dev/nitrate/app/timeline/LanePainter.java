package dev.nitrate.app.timeline;

import dev.nitrate.app.preview.ExemplarCoverage;
import dev.nitrate.app.preview.FrameFigures;
import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.engine.confidence.ExemplarSuggester.Suggestion;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.IntToDoubleFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/** Draws the lanes below the shots: exemplar coverage, previewed frames, the per-frame figures and the suggestions. */
final class LanePainter {

    static final Color[] PALETTE = {Color.web("#5ec4ff"), Color.web("#ff8a65"), Color.web("#81c784"), Color.web("#ba68c8"),
            Color.web("#ffd54f"), Color.web("#4db6ac"), Color.web("#f06292"), Color.web("#a1887f")};
    static final Color CONFIDENCE = Color.web("#f2f2f2");
    static final Color COLOURFULNESS = Color.web("#c792ea");
    static final Color CHANGE = Color.web("#4fc3f7");
    static final Color FLAG = Color.web("#ff4d4d");
    static final Color JUMP = Color.web("#ff9f43");
    static final Color PREVIEWED = Color.web("#3fbf7f");
    static final Color SUGGESTION = Color.web("#8ae234");
    /** The colourfulness at the top of the plot, and the colour change. */
    static final double COLOURFULNESS_TOP = 60;
    static final double CHANGE_TOP = 0.1;
    private static final Color LANE_BACKGROUND = Color.web("#15181c");
    private static final Color CAPTION = Color.web("#9aa3ae", 0.75);

    private final GraphicsContext g;
    private final IntToDoubleFunction frameToX;
    private final double ppf;
    private final double width;

    LanePainter(GraphicsContext g, IntToDoubleFunction frameToX, double ppf, double width) {
        this.g = g;
        this.frameToX = frameToX;
        this.ppf = ppf;
        this.width = width;
    }

    void draw(LaneContent content, boolean figuresShown) {
        g.setFont(Font.font(10));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        coverage(content);
        previewed(content.previewed());
        if (!figuresShown) {
            return;
        }
        figures(content.figures());
        if (!content.figures().isEmpty()) {
            legend();
        }
        suggestions(content.suggestions());
    }

    /** The distinct exemplar pictures in the order they first colour a shot; each gets a palette colour. */
    static List<String> pictureOrder(LaneContent content) {
        List<String> order = new ArrayList<>();
        content.coverage().forEach(c -> c.exemplars().forEach(e -> {
            if (!order.contains(e.sha256())) {
                order.add(e.sha256());
            }
        }));
        return order;
    }

    static Color colourOf(ProjectExemplar exemplar, List<String> order) {
        return PALETTE[Math.max(0, order.indexOf(exemplar.sha256())) % PALETTE.length];
    }

    private void coverage(LaneContent content) {
        double top = TimelineRow.COVERAGE.top() + 1;
        double h = TimelineRow.COVERAGE.height() - 2;
        List<String> order = pictureOrder(content);
        for (ExemplarCoverage.ShotCoverage shot : content.coverage()) {
            double x0 = Math.max(0, frameToX.applyAsDouble(shot.first()));
            double x1 = Math.min(width, frameToX.applyAsDouble(shot.end())) - 1;
            if (x1 <= 0 || x0 >= width) {
                continue;
            }
            int n = Math.max(1, shot.exemplars().size());
            for (int i = 0; i < shot.exemplars().size(); i++) {
                Color c = colourOf(shot.exemplars().get(i), order);
                g.setFill(shot.inherited() ? c.deriveColor(0, 0.6, 0.55, 0.55) : c.deriveColor(0, 1, 0.9, 0.9));
                g.fillRect(x0, top + i * h / n, x1 - x0, h / n);
            }
            if (shot.inherited()) {
                hatch(x0, top, x1, h);
            }
            g.setFill(shot.exemplars().isEmpty() || shot.inherited() ? Color.web("#d5dae0") : Color.web("#101214"));
            if (x1 - x0 > 30) {
                g.save();
                g.beginPath();
                g.rect(x0, top, x1 - x0, h);
                g.clip();
                g.fillText(label(shot), x0 + 5, top + h / 2);
                g.restore();
            }
        }
    }

    private void hatch(double x0, double top, double x1, double h) {
        g.save();
        g.beginPath();
        g.rect(x0, top, x1 - x0, h);
        g.clip();
        g.setStroke(Color.web("#101214", 0.55));
        g.setLineWidth(1.5);
        for (double x = x0 - h; x < x1; x += 7) {
            g.strokeLine(x, top + h, x + h, top);
        }
        g.restore();
    }

    /** A coverage block's text: the exemplars' names; for an inherited shot, where they come from. */
    static String label(ExemplarCoverage.ShotCoverage shot) {
        if (shot.exemplars().isEmpty()) {
            return "No exemplar";
        }
        String names = String.join(" + ", shot.exemplars().stream().map(ProjectExemplar::originalName).distinct().toList());
        return shot.inherited() ? "↳ " + names + " (inherited from shot " + (shot.fromShot() + 1) + ")" : names;
    }

    private void previewed(BitSet frames) {
        double top = TimelineRow.PREVIEWED.top() + 2;
        double h = TimelineRow.PREVIEWED.height() - 4;
        g.setFill(PREVIEWED);
        for (int f = frames.nextSetBit(0); f >= 0; ) {
            int end = frames.nextClearBit(f);
            double x0 = Math.max(0, frameToX.applyAsDouble(f));
            double x1 = Math.min(width, frameToX.applyAsDouble(end));
            if (x1 > 0 && x0 < width) {
                g.fillRect(x0, top, Math.max(1, x1 - x0), h);
            }
            f = frames.nextSetBit(end);
        }
    }

    private void figures(Map<Integer, FrameFigures> figures) {
        TimelineRow row = TimelineRow.FIGURES;
        double top = row.top() + 1;
        double bottom = row.bottom() - 5;
        g.setFill(LANE_BACKGROUND);
        g.fillRect(0, top, width, row.height() - 2);
        double span = bottom - top - 4;
        g.setStroke(Color.web("#f2f2f2", 0.25));
        g.setLineWidth(1);
        g.setLineDashes(3, 3);
        double threshold = Math.round(bottom - FrameFigures.UNSURE * span) + 0.5;
        g.strokeLine(0, threshold, width, threshold);
        g.setLineDashes();
        for (Map.Entry<Integer, FrameFigures> e : figures.entrySet()) {
            double x = frameToX.applyAsDouble(e.getKey());
            if (x + ppf < 0 || x > width) {
                continue;
            }
            FrameFigures f = e.getValue();
            if (f.colourChange().isPresent()) {
                double v = Math.min(1, f.colourChange().getAsDouble() / CHANGE_TOP);
                g.setFill(CHANGE.deriveColor(0, 1, 1, 0.55));
                g.fillRect(x, bottom - v * span, Math.max(1, ppf - 1), v * span);
            }
            if (f.unsure() || f.dull()) {
                g.setFill(FLAG);
                g.fillRect(x, bottom + 1, Math.max(2, ppf), 4);
            }
            if (f.jumps()) {
                g.setFill(JUMP);
                g.fillRect(x, top, Math.max(2, ppf), 3);
            }
        }
        line(figures, f -> OptionalDouble.of(Math.min(1, f.colourfulness() / COLOURFULNESS_TOP)), COLOURFULNESS, bottom, span);
        line(figures, FrameFigures::confidence, CONFIDENCE, bottom, span);
    }

    private void line(Map<Integer, FrameFigures> figures, java.util.function.Function<FrameFigures, OptionalDouble> value, Color colour,
                      double bottom, double span) {
        g.setStroke(colour);
        g.setLineWidth(1.5);
        Integer previousFrame = null;
        double px = 0;
        double py = 0;
        for (Map.Entry<Integer, FrameFigures> e : figures.entrySet()) {
            OptionalDouble v = value.apply(e.getValue());
            if (v.isEmpty()) {
                previousFrame = null;
                continue;
            }
            double x = frameToX.applyAsDouble(e.getKey()) + ppf / 2;
            double y = bottom - Math.max(0, Math.min(1, v.getAsDouble())) * span;
            if (previousFrame != null && previousFrame == e.getKey() - 1) {
                if (Math.max(px, x) >= 0 && Math.min(px, x) <= width) {
                    g.strokeLine(px, py, x, y);
                }
            } else if (x >= 0 && x <= width) {
                g.strokeLine(x - 0.5, y, x + 0.5, y);
            }
            previousFrame = e.getKey();
            px = x;
            py = y;
        }
    }

    /** The figures' legend, on the suggestions row's lower line after its caption. */
    private void legend() {
        double y = TimelineRow.SUGGESTIONS.bottom() - 7;
        double x = 300;
        String[] texts = {"Figures:", "confidence", "colourfulness", "colour change", "orange: colours jump", "red: needs another exemplar"};
        Color[] colours = {CAPTION, CONFIDENCE, COLOURFULNESS, CHANGE, JUMP, FLAG};
        Text measure = new Text();
        measure.setFont(g.getFont());
        for (int i = 0; i < texts.length; i++) {
            g.setFill(colours[i]);
            g.fillText(texts[i], x, y);
            measure.setText(texts[i]);
            x += measure.getLayoutBounds().getWidth() + 14;
        }
    }

    private void suggestions(List<Suggestion> suggestions) {
        TimelineRow row = TimelineRow.SUGGESTIONS;
        double top = row.top() + 2;
        for (int i = 0; i < suggestions.size(); i++) {
            double x = frameToX.applyAsDouble(suggestions.get(i).frame()) + ppf / 2;
            if (x < -10 || x > width + 10) {
                continue;
            }
            g.setFill(SUGGESTION);
            g.fillPolygon(new double[] {x, x + 6, x - 6}, new double[] {top, top + 10, top + 10}, 3);
            double here = x;
            boolean crowded = suggestions.subList(0, i).stream().anyMatch(o -> Math.abs(frameToX.applyAsDouble(o.frame()) + ppf / 2 - here) < 14);
            if (!crowded) {
                g.setTextAlign(x > width - 24 ? TextAlignment.RIGHT : TextAlignment.LEFT);
                g.fillText(Integer.toString(i + 1), x > width - 24 ? x - 8 : x + 8, top + 6);
                g.setTextAlign(TextAlignment.LEFT);
            }
        }
        if (!suggestions.isEmpty()) {
            g.setFill(CAPTION);
            g.fillText("Suggested exemplars: click a triangle to go there", 4, row.bottom() - 7);
        }
    }
}
