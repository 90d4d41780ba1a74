package dev.nitrate.app.compare;

import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.app.viewer.ViewerView;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

/**
 * The compare window's pictures, all at the source's size in the editor's own viewer: side by side, one wipe from A to
 * B, or the gray source beside both. Every view shares one zoom and one pan, so zooming or panning one moves them all.
 */
public final class ComparePanes extends StackPane {

    /** How the two sides are shown. */
    public enum Mode {
        SIDE_BY_SIDE("A | B"),
        WIPE("Wipe A / B"),
        WITH_SOURCE("Source | A | B");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final CompareViewModel model;
    private final ViewerView source = view("compare-view-source");
    private final ViewerView a = view("compare-view-A");
    private final ViewerView b = view("compare-view-B");
    private final ViewerView wipe = view("compare-view-wipe");
    private final DoubleProperty zoom = new SimpleDoubleProperty(0);
    private final DoubleProperty centreX = new SimpleDoubleProperty(0.5);
    private final DoubleProperty centreY = new SimpleDoubleProperty(0.5);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.SIDE_BY_SIDE);

    public ComparePanes(CompareViewModel model) {
        this.model = model;
        getStyleClass().add("compare-panes");
        for (ViewerView view : views()) {
            view.zoomProperty().bindBidirectional(zoom);
            view.centreXProperty().bindBidirectional(centreX);
            view.centreYProperty().bindBidirectional(centreY);
        }
        source.soloLabelProperty().set("SOURCE (gray)");
        source.placeholderProperty().set("The gray source appears as side A is colorized");
        a.placeholderProperty().set("Press Colorize both");
        b.placeholderProperty().set("Side B follows side A");
        wipe.placeholderProperty().set("Press Colorize both");
        labels();
        model.left().choiceProperty().addListener((o, was, now) -> labels());
        model.right().choiceProperty().addListener((o, was, now) -> labels());
        model.frameProperty().addListener((o, was, now) -> refresh());
        model.left().arrivedProperty().addListener((o, was, now) -> refresh());
        model.right().arrivedProperty().addListener((o, was, now) -> refresh());
        model.source().arrivedProperty().addListener((o, was, now) -> refresh());
        mode.addListener((o, was, now) -> arrange());
        arrange();
        refresh();
    }

    private static ViewerView view(String id) {
        ViewerView view = new ViewerView();
        view.setId(id);
        HBox.setHgrow(view, Priority.ALWAYS);
        return view;
    }

    private void arrange() {
        getChildren().setAll(switch (mode.get()) {
            case SIDE_BY_SIDE -> row(a, b);
            case WIPE -> wipe;
            case WITH_SOURCE -> row(source, a, b);
        });
    }

    private static HBox row(ViewerView... views) {
        HBox row = new HBox(8, views);
        for (ViewerView view : views) {
            view.setPrefWidth(200);
            view.setMaxWidth(Double.MAX_VALUE);
        }
        return row;
    }

    private void labels() {
        String left = "A · " + name(model.left().choiceProperty().get());
        String right = "B · " + name(model.right().choiceProperty().get());
        a.soloLabelProperty().set(left);
        b.soloLabelProperty().set(right);
        wipe.leftLabelProperty().set(left);
        wipe.rightLabelProperty().set(right);
    }

    private static String name(CompareViewModel.Choice choice) {
        ProjectExemplar exemplar = choice == null ? null : choice.exemplar();
        return exemplar == null ? "no exemplar" : exemplar.originalName();
    }

    /** Shows the current frame in every view, as soon as each picture has arrived. */
    private void refresh() {
        int index = model.frameProperty().get();
        String caption = "Frame " + index;
        source.sourceProperty().set(model.source().frame(index));
        a.sourceProperty().set(model.left().frame(index));
        b.sourceProperty().set(model.right().frame(index));
        wipe.sourceProperty().set(model.left().frame(index));
        wipe.colorizedProperty().set(model.right().frame(index));
        for (ViewerView view : views()) {
            view.captionProperty().set(caption);
        }
    }

    /** The view that zoom commands and the read-out follow: the first one shown. */
    public ViewerView leading() {
        return switch (mode.get()) {
            case SIDE_BY_SIDE -> a;
            case WIPE -> wipe;
            case WITH_SOURCE -> source;
        };
    }

    public List<ViewerView> views() {
        return List.of(source, a, b, wipe);
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** The zoom every view shares: 0 is fit, 1 is 100%. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public DoubleProperty centreXProperty() {
        return centreX;
    }

    public DoubleProperty centreYProperty() {
        return centreY;
    }

    public ViewerView sourceView() {
        return source;
    }

    public ViewerView viewA() {
        return a;
    }

    public ViewerView viewB() {
        return b;
    }

    public ViewerView wipeView() {
        return wipe;
    }
}
