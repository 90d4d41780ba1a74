package dev.nitrate.app.timeline;

import dev.nitrate.engine.confidence.ExemplarSuggester.Suggestion;
import dev.nitrate.engine.shots.Shots;
import java.util.HashSet;
import java.util.Set;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The timeline: time ruler, lazily decoded thumbnail strip, the shots lane, exemplar markers, the exemplar coverage,
 * the previewed frames, the per-frame figures with the suggested exemplar frames ({@link TimelineRow}) and the playhead.
 */
public final class TimelineView extends Region {

    private static final double RULER = TimelineRow.RULER.height();
    private static final double STRIP = TimelineRow.THUMBNAILS.height();
    private static final double SHOTS = TimelineRow.SHOTS.height();
    private static final double MARKERS = TimelineRow.EXEMPLAR_PINS.height();
    /** How near a suggestion marker, in pixels, a click must be to go to it. */
    public static final double MARKER_REACH = 8;
    private static final Color BACKGROUND = Color.web("#1b1e23");
    private static final Color STRIP_EMPTY = Color.web("#262a31");
    private static final Color TEXT = Color.web("#9aa3ae");
    private static final Color SHOT = Color.web("#f0b429");
    private static final Color SHOT_EVEN = Color.web("#3a3322");
    private static final Color SHOT_ODD = Color.web("#253241");
    private static final Color EXEMPLAR = Color.web("#5ec4ff");
    private static final Color PLAYHEAD = Color.web("#ff5c5c");

    private final TimelineViewModel model;
    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private final Tooltip tooltip = new Tooltip();
    private ThumbnailCache thumbnails;
    private double aspect = 16.0 / 9;
    private boolean figuresShown;

    public TimelineView(TimelineViewModel model) {
        this.model = model;
        getStyleClass().add("timeline");
        setId("timeline");
        scroll.setOrientation(Orientation.HORIZONTAL);
        Pane canvasPane = new Pane(canvas);
        getChildren().addAll(canvasPane, scroll);
        showFigures(false);
        setFocusTraversable(true);

        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::scrubTo);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::scrubTo);
        canvas.setId("timeline-canvas");
        canvas.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        tooltip.setShowDelay(javafx.util.Duration.millis(250));
        tooltip.setShowDuration(javafx.util.Duration.seconds(30));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(560);
        tooltip.setId("timeline-tooltip");
        model.lanesProperty().addListener((o, a, b) -> {
            if (!figuresShown && !b.figures().isEmpty()) {
                showFigures(true);
            }
            draw();
        });
        model.currentFrameProperty().addListener((o, a, b) -> {
            keepPlayheadVisible();
            requestLayout();
        });
        model.pixelsPerFrameProperty().addListener((o, a, b) -> {
            updateScrollRange();
            keepPlayheadVisible();
            draw();
        });
        model.frameCountProperty().addListener((o, a, b) -> {
            showFigures(false);
            updateScrollRange();
        });
        model.shotsProperty().addListener((o, a, b) -> draw());
        model.exemplarFrames().addListener((javafx.collections.ListChangeListener<Integer>) c -> draw());
        scroll.valueProperty().addListener((o, a, b) -> draw());
    }

    /**
     * The figures and suggestions rows take room only once a frame of the film has been previewed (until another
     * film opens), so that a film without previews leaves that room to the viewer and the panels.
     */
    private void showFigures(boolean shown) {
        figuresShown = shown;
        setMinHeight(lanesBottom() + 16);
        setPrefHeight(lanesBottom() + 16);
    }

    private double lanesBottom() {
        return figuresShown ? TimelineRow.total() : TimelineRow.FIGURES.top();
    }

    /** Whether the figures and suggestions rows are shown. */
    public boolean figuresShown() {
        return figuresShown;
    }

    public void setFilm(double filmAspect, ThumbnailCache cache) {
        this.aspect = filmAspect;
        this.thumbnails = cache;
        updateScrollRange();
        draw();
    }

    /** Called when a thumbnail arrives. */
    public void thumbnailArrived(int frame) {
        draw();
    }

    public double frameToX(int frame) {
        return frame * model.pixelsPerFrameProperty().get() - scroll.getValue();
    }

    public int xToFrame(double x) {
        return (int) Math.floor((x + scroll.getValue()) / model.pixelsPerFrameProperty().get());
    }

    public double scrollOffset() {
        return scroll.getValue();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double scrollHeight = scroll.prefHeight(-1);
        canvas.setWidth(w);
        canvas.setHeight(getHeight() - scrollHeight);
        scroll.resizeRelocate(0, getHeight() - scrollHeight, w, scrollHeight);
        updateScrollRange();
        draw();
    }

    private void scrubTo(MouseEvent event) {
        if (!event.isPrimaryButtonDown()) {
            return;
        }
        requestFocus();
        model.stop();
        Suggestion marker = TimelineRow.at(event.getY()) == TimelineRow.SUGGESTIONS ? suggestionNear(event.getX()) : null;
        model.seek(marker != null ? marker.frame() : xToFrame(event.getX()));
    }

    /** The suggestion whose marker is within {@link #MARKER_REACH} pixels of {@code x}, or null. */
    public Suggestion suggestionNear(double x) {
        Suggestion best = null;
        double bestDistance = MARKER_REACH;
        double ppf = model.pixelsPerFrameProperty().get();
        for (Suggestion s : model.lanesProperty().get().suggestions()) {
            double distance = Math.abs(frameToX(s.frame()) + ppf / 2 - x);
            if (distance <= bestDistance) {
                best = s;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** What the timeline's tooltip says at {@code (x, y)}: the lane under the mouse explained for that frame, or null. */
    public String describe(double x, double y) {
        int frame = Math.max(0, Math.min(model.frameCountProperty().get() - 1, xToFrame(x)));
        return LaneTooltips.describe(TimelineRow.at(y), frame, model.lanesProperty().get(), suggestionNear(x));
    }

    private void hover(MouseEvent event) {
        String text = describe(event.getX(), event.getY());
        if (text == null) {
            Tooltip.uninstall(canvas, tooltip);
        } else {
            tooltip.setText(text);
            Tooltip.install(canvas, tooltip);
        }
    }

    private void onScroll(ScrollEvent event) {
        if (event.isControlDown() || event.isShortcutDown()) {
            model.zoomBy(event.getDeltaY() > 0 ? 1.25 : 0.8);
        } else {
            double delta = event.getDeltaX() != 0 ? event.getDeltaX() : event.getDeltaY();
            scroll.setValue(Math.max(scroll.getMin(), Math.min(scroll.getMax(), scroll.getValue() - delta * 2)));
        }
        event.consume();
    }

    private void updateScrollRange() {
        double content = model.frameCountProperty().get() * model.pixelsPerFrameProperty().get();
        double max = Math.max(0, content - canvas.getWidth());
        scroll.setMax(max);
        scroll.setVisibleAmount(canvas.getWidth() <= 0 ? 1 : canvas.getWidth() * max / Math.max(1, content));
        scroll.setDisable(max == 0);
        if (scroll.getValue() > max) {
            scroll.setValue(max);
        }
    }

    private void keepPlayheadVisible() {
        double x = frameToX(model.currentFrameProperty().get());
        double w = canvas.getWidth();
        if (x < 0 || x > w - 8) {
            scroll.setValue(Math.max(0, Math.min(scroll.getMax(), x + scroll.getValue() - w * 0.25)));
        }
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        double ppf = model.pixelsPerFrameProperty().get();
        int frames = model.frameCountProperty().get();
        double end = Math.min(w, frameToX(frames));
        drawRuler(g, ppf, frames, w);
        drawStrip(g, ppf, frames, end);
        drawShots(g, w);
        new LanePainter(g, this::frameToX, ppf, w).draw(model.lanesProperty().get(), figuresShown);
        g.setFill(EXEMPLAR);
        for (int frame : model.exemplarFrames()) {
            double x = frameToX(frame);
            double y = RULER + STRIP + SHOTS + MARKERS / 2;
            g.fillPolygon(new double[] {x, x + 6, x, x - 6}, new double[] {y - 7, y, y + 7, y}, 4);
        }
        double px = Math.round(frameToX(model.currentFrameProperty().get())) + 0.5;
        g.setStroke(PLAYHEAD);
        g.setLineWidth(2);
        g.strokeLine(px, 0, px, lanesBottom());
        g.setFill(PLAYHEAD);
        g.fillPolygon(new double[] {px - 6, px + 6, px}, new double[] {0, 0, 8}, 3);
    }

    /** The shots lane: one block per shot, numbered where there is room, and the cuts across strip and lane. */
    private void drawShots(GraphicsContext g, double w) {
        Shots shots = model.shotsProperty().get();
        double top = RULER + STRIP;
        g.setFont(Font.font(10));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (int s = 0; s < shots.count(); s++) {
            double x0 = Math.max(0, frameToX(shots.start(s)));
            double x1 = Math.min(w, frameToX(shots.end(s)));
            if (x1 <= 0 || x0 >= w) {
                continue;
            }
            g.setFill(s % 2 == 0 ? SHOT_EVEN : SHOT_ODD);
            g.fillRect(x0, top + 1, x1 - x0, SHOTS - 2);
            if (x1 - x0 > 44) {
                g.setFill(TEXT);
                g.fillText("Shot " + (s + 1), x0 + 6, top + SHOTS / 2);
            }
        }
        g.setStroke(SHOT);
        g.setLineWidth(2);
        for (int s = 1; s < shots.count(); s++) {
            double x = Math.round(frameToX(shots.start(s))) + 0.5;
            if (x >= 0 && x <= w) {
                g.strokeLine(x, RULER, x, top + SHOTS);
            }
        }
    }

    private void drawRuler(GraphicsContext g, double ppf, int frames, double w) {
        double fps = model.framesPerSecondProperty().get();
        int[] steps = {1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 25000, 50000};
        int step = steps[steps.length - 1];
        for (int s : steps) {
            if (s * ppf >= 90) {
                step = s;
                break;
            }
        }
        g.setFont(Font.font(10));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setStroke(TEXT);
        g.setLineWidth(1);
        int first = Math.max(0, xToFrame(0) / step * step);
        for (int f = first; f < frames; f += step) {
            double x = Math.round(frameToX(f)) + 0.5;
            if (x > w) {
                break;
            }
            g.strokeLine(x, RULER - 6, x, RULER);
            g.setFill(TEXT);
            g.fillText(rulerLabel(f, fps, step), x + 3, RULER / 2 - 1);
        }
    }

    /**
     * A ruler tick's label: the frame number and its time, "250  0:10"; where ticks come more often than once a
     * second the time carries the frame within the second, "5  0:00:05", so no two ticks read the same time.
     */
    static String rulerLabel(int frame, double fps, int step) {
        int seconds = (int) (frame / fps);
        if (step >= fps) {
            return String.format("%d  %d:%02d", frame, seconds / 60, seconds % 60);
        }
        int within = (int) Math.round(frame - seconds * fps);
        return String.format("%d  %d:%02d:%02d", frame, seconds / 60, seconds % 60, within);
    }

    private void drawStrip(GraphicsContext g, double ppf, int frames, double end) {
        double thumbW = (STRIP - 4) * aspect;
        g.setFill(STRIP_EMPTY);
        g.fillRect(Math.max(0, frameToX(0)), RULER, Math.max(0, end - Math.max(0, frameToX(0))), STRIP);
        if (thumbnails == null) {
            return;
        }
        double offset = scroll.getValue();
        int firstSlot = (int) Math.floor(offset / thumbW);
        Set<Integer> wanted = new HashSet<>();
        for (int slot = firstSlot; ; slot++) {
            double x = slot * thumbW - offset;
            if (x > canvas.getWidth() || x > end) {
                break;
            }
            int frame = Math.min(frames - 1, (int) Math.floor(slot * thumbW / ppf));
            wanted.add(frame);
            Image image = thumbnails.get(frame);
            double drawW = Math.min(thumbW, end - x);
            if (image != null && drawW > 1) {
                double sourceW = image.getWidth() * drawW / thumbW;
                g.drawImage(image, 0, 0, sourceW, image.getHeight(), x, RULER + 2, drawW - 1, STRIP - 4);
            }
        }
        thumbnails.retainQueued(wanted);
    }
}
