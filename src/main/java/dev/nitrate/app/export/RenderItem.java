package dev.nitrate.app.export;

import dev.nitrate.app.project.RenderRecord;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One render in the queue, as the queue view shows it. */
public final class RenderItem {

    public enum State { QUEUED, RUNNING, DONE, CANCELLED, FAILED, INTERRUPTED }

    private final ObjectProperty<RenderRecord> record;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.QUEUED);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty detail = new SimpleStringProperty("Waiting");

    public RenderItem(RenderRecord record) {
        this.record = new SimpleObjectProperty<>(record);
        progress.set((double) record.framesDone() / (record.endFrame() - record.firstFrame()));
    }

    public ObjectProperty<RenderRecord> recordProperty() {
        return record;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty detailProperty() {
        return detail;
    }
}
