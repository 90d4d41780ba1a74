package dev.nitrate.app.viewer;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Shows a frame's source and its colorized version with a before|after wipe: left of the divider the source,
 * right of it the colorized frame, both at the source's size. Drag the divider; zoom 0 means fit to the window, 1 is
 * 100%; the read-out in the corner says which, and the side labels stay in view when zoomed in. A picture larger than
 * the view pans: drag with the middle button or with Shift (or a plain drag when there is nothing to wipe), or scroll;
 * the centre properties say which point of the picture is in the middle, so that several views can share them.
 */
public final class ViewerView extends Region {

    private static final Color BACKGROUND = Color.web("#111316");
    private static final Color DIVIDER = Color.web("#f5f7fa");
    private static final Color CAPTION = Color.web("#e6e9ee");
    /** The band under a fitted picture that the frame/timecode caption and the zoom read-out keep for themselves. */
    public static final double CAPTION_BAND = 34;
    private static final Font CAPTION_FONT = Font.font("Monospaced", 13);
    private static final Font SMALL_CAPTION_FONT = Font.font("Monospaced", 11);
    private static final Font LABEL_FONT = Font.font("System", FontWeight.BOLD, 11);

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<Image> source = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> colorized = new SimpleObjectProperty<>();
    private final DoubleProperty wipe = new SimpleDoubleProperty(0.5);
    private final DoubleProperty zoom = new SimpleDoubleProperty(0);
    private final DoubleProperty centreX = new SimpleDoubleProperty(0.5);
    private final DoubleProperty centreY = new SimpleDoubleProperty(0.5);
    private final StringProperty leftLabel = new SimpleStringProperty("SOURCE");
    private final StringProperty rightLabel = new SimpleStringProperty("COLORIZED");
    private final StringProperty soloLabel = new SimpleStringProperty("SOURCE  (no preview for this frame yet)");
    private final StringProperty caption = new SimpleStringProperty("");
    private final StringProperty placeholder = new SimpleStringProperty("Open a film: File > Open Film, or drop it here");
    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();
    private double[] imageRect = {0, 0, 0, 0};
    private double[] captionRect = {0, 0, 0, 0};
    private double[] readoutRect = {0, 0, 0, 0};
    private boolean draggingDivider;
    private boolean panning;
    private double lastX;
    private double lastY;

    public ViewerView() {
        getStyleClass().add("viewer");
        setId("viewer");
        getChildren().add(canvas);
        setMinSize(200, 150);
        source.addListener((o, a, b) -> requestLayout());
        colorized.addListener((o, a, b) -> requestLayout());
        wipe.addListener((o, a, b) -> requestLayout());
        for (javafx.beans.Observable redraws : new javafx.beans.Observable[] {zoom, centreX, centreY, caption, placeholder, leftLabel,
                rightLabel, soloLabel}) {
            redraws.addListener(o -> requestLayout());
        }
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> canvas.setCursor(nearDivider(e.getX()) ? Cursor.H_RESIZE : Cursor.DEFAULT));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            lastX = e.getX();
            lastY = e.getY();
            boolean panKey = e.isMiddleButtonDown() || e.isShiftDown() || colorized.get() == null;
            panning = panKey && !nearDivider(e.getX()) && pannable();
            draggingDivider = !panning && (nearDivider(e.getX()) || colorized.get() != null);
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (panning) {
                panBy(e.getX() - lastX, e.getY() - lastY);
                lastX = e.getX();
                lastY = e.getY();
            } else if (draggingDivider) {
                dragDividerTo(e.getX());
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (draggingDivider) {
                dragDividerTo(e.getX());
            }
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.isControlDown() || e.isShortcutDown()) {
                zoomBy(e.getDeltaY() > 0 ? 1.25 : 0.8);
                e.consume();
            } else if (pannable()) {
                panBy(e.isShiftDown() && e.getDeltaX() == 0 ? e.getDeltaY() : e.getDeltaX(), e.isShiftDown() ? 0 : e.getDeltaY());
                e.consume();
            }
        });
    }

    /** Whether the picture is larger than the view in some direction, so that there is something to pan to. */
    public boolean pannable() {
        Image image = source.get();
        return image != null && (image.getWidth() * displayScale() > getWidth() + 0.5
                || image.getHeight() * displayScale() > pictureHeight() + 0.5);
    }

    /** Moves the picture by {@code dx, dy} screen pixels, as far as its edges allow. */
    public void panBy(double dx, double dy) {
        Image image = source.get();
        if (image == null) {
            return;
        }
        double iw = image.getWidth() * displayScale();
        double ih = image.getHeight() * displayScale();
        centreX.set(clampCentre(centreX.get() - dx / iw, getWidth(), iw));
        centreY.set(clampCentre(centreY.get() - dy / ih, pictureHeight(), ih));
    }

    private static double clampCentre(double centre, double view, double picture) {
        if (picture <= view) {
            return 0.5;
        }
        double half = view / 2 / picture;
        return Math.max(half, Math.min(1 - half, centre));
    }

    /** Where the picture starts along one axis: centred when it fits, else placed so that the centre point is mid-view. */
    private static double origin(double view, double picture, double centre) {
        if (picture <= view) {
            return (view - picture) / 2;
        }
        return Math.max(view - picture, Math.min(0, view / 2 - clampCentre(centre, view, picture) * picture));
    }

    private double pictureHeight() {
        return getHeight() - CAPTION_BAND;
    }

    public void dragDividerTo(double x) {
        if (imageRect[2] > 0) {
            wipe.set(Math.max(0, Math.min(1, (x - imageRect[0]) / imageRect[2])));
        }
    }

    /** The divider's x in this view's coordinates. */
    public double dividerX() {
        return imageRect[0] + imageRect[2] * wipe.get();
    }

    public void zoomBy(double factor) {
        double current = zoom.get() == 0 ? fitScale() : zoom.get();
        zoom.set(Math.max(0.1, Math.min(8, current * factor)));
    }

    public void fit() {
        zoom.set(0);
        centreX.set(0.5);
        centreY.set(0.5);
    }

    /** One picture pixel to one screen pixel. */
    public void actualSize() {
        zoom.set(1);
    }

    /** What the zoom read-out says: "Fit · 37%" or "100%". */
    public String zoomReadout() {
        long percent = Math.round(displayScale() * 100);
        return zoom.get() == 0 ? "Fit · " + percent + "%" : percent + "%";
    }

    /** Where the picture is drawn now: x, y, width, height in this view's coordinates. */
    public double[] pictureRect() {
        return imageRect.clone();
    }

    /** The scale at which the frame is shown now. */
    public double displayScale() {
        return zoom.get() == 0 ? fitScale() : zoom.get();
    }

    private double fitScale() {
        Image image = source.get();
        if (image == null || getWidth() <= 0) {
            return 1;
        }
        return Math.min((getWidth() - 24) / image.getWidth(), (getHeight() - 24 - CAPTION_BAND) / image.getHeight());
    }

    private boolean nearDivider(double x) {
        return colorized.get() != null && Math.abs(x - dividerX()) < 8;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
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
        Image src = source.get();
        if (src == null) {
            g.setFill(Color.web("#7b8491"));
            g.setFont(Font.font(16));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(placeholder.get(), w / 2, h / 2);
            return;
        }
        double scale = displayScale();
        double iw = src.getWidth() * scale;
        double ih = src.getHeight() * scale;
        double x = origin(w, iw, centreX.get());
        double y = origin(h - CAPTION_BAND, ih, centreY.get());
        imageRect = new double[] {x, y, iw, ih};
        g.setImageSmoothing(scale < 1.5);
        g.drawImage(src, x, y, iw, ih);
        Image color = colorized.get();
        if (color != null) {
            double split = iw * wipe.get();
            double sx = color.getWidth() * wipe.get();
            g.drawImage(color, sx, 0, color.getWidth() - sx, color.getHeight(), x + split, y, iw - split, ih);
            double dx = Math.round(x + split) + 0.5;
            g.setStroke(DIVIDER);
            g.setLineWidth(2);
            g.strokeLine(dx, Math.max(0, y), dx, Math.min(h, y + ih));
            g.setFill(DIVIDER);
            double cy = h / 2;
            g.fillOval(dx - 11, cy - 11, 22, 22);
            g.setFill(BACKGROUND);
            g.fillPolygon(new double[] {dx - 7, dx - 2, dx - 2}, new double[] {cy, cy - 5, cy + 5}, 3);
            g.fillPolygon(new double[] {dx + 7, dx + 2, dx + 2}, new double[] {cy, cy - 5, cy + 5}, 3);
            label(g, leftLabel.get(), Math.max(x, 0) + 10, Math.max(y, 0) + 10, TextAlignment.LEFT);
            label(g, rightLabel.get(), Math.min(x + iw, w) - 10, Math.max(y, 0) + 10, TextAlignment.RIGHT);
        } else {
            label(g, soloLabel.get(), Math.max(x, 0) + 10, Math.max(y, 0) + 10, TextAlignment.LEFT);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Color.rgb(17, 19, 22, 0.8));
        g.fillRect(0, h - CAPTION_BAND + 4, w, CAPTION_BAND - 4);
        String readout = zoomReadout();
        double readoutWidth = textWidth(readout, LABEL_FONT);
        readoutRect = new double[] {w - 12 - readoutWidth, h - 24, readoutWidth, LABEL_FONT.getSize() + 2};
        label(g, readout, w - 12, h - 24, TextAlignment.RIGHT);
        drawCaption(g, w, h, w - 12 - readoutWidth - 16 - 12);
    }

    /**
     * The frame/timecode caption in the band under the picture, left of the zoom read-out: one line when it fits there,
     * else its parts (separated by three spaces) on two smaller lines, each cut with an ellipsis if it still does not fit.
     */
    private void drawCaption(GraphicsContext g, double w, double h, double room) {
        String text = caption.get() == null ? "" : caption.get();
        g.setFill(CAPTION);
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.LEFT);
        double available = Math.max(0, room);
        if (textWidth(text, CAPTION_FONT) <= available) {
            g.setFont(CAPTION_FONT);
            g.fillText(text, 12, h - 10);
            captionRect = new double[] {12, h - 10 - lineHeight(CAPTION_FONT), textWidth(text, CAPTION_FONT), lineHeight(CAPTION_FONT)};
            return;
        }
        String[] parts = text.split(" {3}");
        StringBuilder first = new StringBuilder(parts[0]);
        int next = 1;
        while (next < parts.length && textWidth(first + "   " + parts[next], SMALL_CAPTION_FONT) <= available) {
            first.append("   ").append(parts[next++]);
        }
        String second = String.join("   ", java.util.Arrays.copyOfRange(parts, next, parts.length));
        String line1 = fitted(first.toString(), available);
        String line2 = fitted(second, available);
        double line = lineHeight(SMALL_CAPTION_FONT);
        g.setFont(SMALL_CAPTION_FONT);
        g.fillText(line1, 12, h - 4 - line);
        g.fillText(line2, 12, h - 4);
        double width = Math.max(textWidth(line1, SMALL_CAPTION_FONT), textWidth(line2, SMALL_CAPTION_FONT));
        captionRect = new double[] {12, h - 4 - 2 * line, width, 2 * line};
    }

    /** {@code text} as it fits in {@code width} at the small caption size, cut with an ellipsis where it does not. */
    private String fitted(String text, double width) {
        if (textWidth(text, SMALL_CAPTION_FONT) <= width) {
            return text;
        }
        int keep = text.length();
        while (keep > 0 && textWidth(text.substring(0, keep) + "…", SMALL_CAPTION_FONT) > width) {
            keep--;
        }
        return keep == 0 ? "" : text.substring(0, keep) + "…";
    }

    private double textWidth(String text, Font font) {
        measure.setFont(font);
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    private double lineHeight(Font font) {
        measure.setFont(font);
        measure.setText("Ag");
        return Math.ceil(measure.getLayoutBounds().getHeight());
    }

    /** Where the caption was last drawn: x, y, width, height in this view's coordinates. */
    public double[] captionRect() {
        return captionRect.clone();
    }

    /** Where the zoom read-out was last drawn: x, y, width, height in this view's coordinates. */
    public double[] readoutRect() {
        return readoutRect.clone();
    }

    private static void label(GraphicsContext g, String text, double x, double y, TextAlignment align) {
        g.setFont(LABEL_FONT);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(align);
        g.setFill(Color.rgb(0, 0, 0, 0.55));
        g.fillText(text, x + 1, y + 1);
        g.setFill(CAPTION);
        g.fillText(text, x, y);
    }

    public ObjectProperty<Image> sourceProperty() {
        return source;
    }

    public ObjectProperty<Image> colorizedProperty() {
        return colorized;
    }

    public DoubleProperty wipeProperty() {
        return wipe;
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /** Which point of the picture, as a fraction of its width, is in the middle of the view when it is wider than the view. */
    public DoubleProperty centreXProperty() {
        return centreX;
    }

    /** Which point of the picture, as a fraction of its height, is in the middle of the view when it is taller than the view. */
    public DoubleProperty centreYProperty() {
        return centreY;
    }

    /** The label over the left of the divider ("SOURCE"). */
    public StringProperty leftLabelProperty() {
        return leftLabel;
    }

    /** The label over the right of the divider ("COLORIZED"). */
    public StringProperty rightLabelProperty() {
        return rightLabel;
    }

    /** The label over a picture with nothing to wipe to. */
    public StringProperty soloLabelProperty() {
        return soloLabel;
    }

    public StringProperty captionProperty() {
        return caption;
    }

    public StringProperty placeholderProperty() {
        return placeholder;
    }
}
