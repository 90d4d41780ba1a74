package dev.nitrate.app;

import dev.nitrate.app.preview.ExemplarCoverage;
import dev.nitrate.app.project.PinScope;
import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.app.timeline.ShotEditor;
import dev.nitrate.app.timeline.TimelineView;
import dev.nitrate.app.timeline.TimelineViewModel;
import dev.nitrate.engine.confidence.ExemplarSuggester.Suggestion;
import dev.nitrate.engine.shots.Shots;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.ContextMenuEvent;

/**
 * The timeline's right-click menu. A right-click moves the playhead to the frame under the mouse, then offers to
 * split the shot there, merge the shot with the next, delete the cut under the mouse, preview the shot, and take the
 * frame out for hand colouring or bring a coloured one back, go to the nearest suggested exemplar frame, and pin an
 * exemplar (the one selected in the exemplars panel, else the one colouring the shot) to the frame.
 */
final class TimelineMenu {

    /** How near a cut, in pixels, a right-click must be to delete it. */
    static final double CUT_REACH = 6;

    private final TimelineView view;
    private final EditorViewModel editor;
    private final HandColouringActions handColouring;
    private final Supplier<ProjectExemplar> selectedExemplar;
    private final ContextMenu menu = new ContextMenu();

    private TimelineMenu(TimelineView view, EditorViewModel editor, HandColouringActions handColouring,
                         Supplier<ProjectExemplar> selectedExemplar) {
        this.view = view;
        this.editor = editor;
        this.handColouring = handColouring;
        this.selectedExemplar = selectedExemplar;
        menu.setId("timeline-menu");
    }

    static void install(TimelineView view, EditorViewModel editor, HandColouringActions handColouring,
                        Supplier<ProjectExemplar> selectedExemplar) {
        TimelineMenu timelineMenu = new TimelineMenu(view, editor, handColouring, selectedExemplar);
        view.setOnContextMenuRequested(timelineMenu::show);
    }

    private void show(ContextMenuEvent event) {
        TimelineViewModel time = editor.timeline();
        ShotEditor shotEditor = editor.shotEditor();
        int frame = Math.max(0, Math.min(time.frameCountProperty().get() - 1, view.xToFrame(event.getX())));
        time.stop();
        time.seek(frame);
        Shots shots = time.shotsProperty().get();
        int shot = shots.shotOf(frame);
        int cut = nearestCut(shots, event.getX());

        MenuItem split = item("Split Shot at Frame " + frame, "timeline-split", () -> shotEditor.splitAt(frame));
        split.setDisable(frame == 0 || shots.start(shot) == frame);
        MenuItem merge = item("Merge Shot " + (shot + 1) + " with Next", "timeline-merge", () -> shotEditor.mergeWithNext(shot));
        merge.setDisable(shot + 1 >= shots.count());
        MenuItem delete = cut < 0 ? item("Delete Cut (right-click on a cut)", "timeline-delete-cut", () -> { })
                : item("Delete Cut at Frame " + cut, "timeline-delete-cut", () -> shotEditor.deleteCutAt(cut));
        delete.setDisable(cut < 0);
        MenuItem preview = item("Preview Shot " + (shot + 1), "timeline-preview", editor::previewCurrentShot);
        MenuItem exportFrame = item("Export Frame " + frame + " for Colouring…", "timeline-export-frame", handColouring::exportFrame);
        MenuItem importFrame = item("Import Coloured Frame for Frame " + frame + "…", "timeline-import-frame", handColouring::importFrame);
        menu.getItems().setAll(split, merge, delete, new SeparatorMenuItem(), preview, new SeparatorMenuItem(), exportFrame, importFrame,
                new SeparatorMenuItem(), goToSuggestion(frame), pinHere(frame));
        menu.show(view, event.getScreenX(), event.getScreenY());
        event.consume();
    }

    private MenuItem goToSuggestion(int frame) {
        Suggestion nearest = time().lanesProperty().get().suggestions().stream()
                .min(Comparator.comparingInt(s -> Math.abs(s.frame() - frame))).orElse(null);
        MenuItem go = nearest == null ? item("Go to Suggested Frame (preview first)", "timeline-go-suggestion", () -> { })
                : item(String.format(Locale.ROOT, "Go to Suggested Frame %d (confidence %.2f)", nearest.frame(), nearest.score()),
                        "timeline-go-suggestion", () -> time().seek(nearest.frame()));
        go.setDisable(nearest == null);
        return go;
    }

    private MenuItem pinHere(int frame) {
        ProjectExemplar exemplar = selectedExemplar.get();
        if (exemplar == null) {
            ExemplarCoverage.ShotCoverage shot = time().lanesProperty().get().coverageAt(frame);
            exemplar = shot == null || shot.exemplars().isEmpty() ? null : shot.exemplars().get(0);
        }
        ProjectExemplar chosen = exemplar;
        MenuItem pin = chosen == null ? item("Pin Exemplar to Frame " + frame + " (add one first)", "timeline-pin-here", () -> { })
                : item("Pin " + chosen.originalName() + " to Frame " + frame, "timeline-pin-here",
                        () -> editor.exemplars().addPin(chosen, frame, PinScope.FRAME));
        pin.setDisable(chosen == null);
        return pin;
    }

    private TimelineViewModel time() {
        return editor.timeline();
    }

    /** The first frame of the cut within {@link #CUT_REACH} pixels of {@code x}, or -1. */
    private int nearestCut(Shots shots, double x) {
        int best = -1;
        double bestDistance = CUT_REACH;
        for (int s = 1; s < shots.count(); s++) {
            double distance = Math.abs(view.frameToX(shots.start(s)) - x);
            if (distance <= bestDistance) {
                best = shots.start(s);
                bestDistance = distance;
            }
        }
        return best;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setMnemonicParsing(false);
        item.setOnAction(e -> action.run());
        return item;
    }
}
