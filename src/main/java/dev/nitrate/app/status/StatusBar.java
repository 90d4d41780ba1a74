package dev.nitrate.app.status;

import dev.nitrate.app.EditorViewModel;
import dev.nitrate.app.Icons;
import dev.nitrate.app.settings.DeviceProbe;
import dev.nitrate.engine.colorize.MemoryStats;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/** Device (with its fallback), pack, preview speed and memory in use, plus the latest notice. */
public final class StatusBar extends HBox {

    private final Label device = new Label();
    private final Label pack = new Label();
    private final Label fps = new Label();
    private final Label memory = new Label();
    private final Label notice = new Label();
    private final EditorViewModel editor;

    public StatusBar(EditorViewModel editor) {
        this.editor = editor;
        getStyleClass().add("status-bar");
        setId("status-bar");
        device.setId("status-device");
        pack.setId("status-pack");
        fps.setId("status-fps");
        memory.setId("status-memory");
        notice.setId("status-notice");
        notice.getStyleClass().add("muted");
        device.setGraphic(Icons.icon("mdi2c-cog-outline"));
        pack.setGraphic(Icons.icon("mdi2p-palette"));
        fps.setGraphic(Icons.icon("mdi2p-play"));
        memory.setGraphic(Icons.icon("mdi2t-tune"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(notice, spacer, device, pack, fps, memory);
        setSpacing(18);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 10, 4, 10));

        editor.deviceProperty().addListener((o, a, b) -> showDevice(b));
        showDevice(editor.deviceProperty().get());
        editor.settingsProperty().addListener((o, a, b) -> pack.setText("Pack: " + b.pack()));
        pack.setText("Pack: " + editor.settingsProperty().get().pack());
        editor.preview().framesPerSecondProperty().addListener((o, a, b) -> showSpeed());
        showSpeed();
        notice.textProperty().bind(editor.noticeProperty());
        Timeline refresh = new Timeline(new KeyFrame(Duration.seconds(1), e -> showMemory()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
        showMemory();
    }

    private void showDevice(DeviceProbe.DeviceStatus status) {
        if (status == null) {
            return;
        }
        device.setText("Device: " + status.describe());
        device.getStyleClass().remove("warning");
        if (status.fallbackMessage() != null) {
            device.getStyleClass().add("warning");
            device.setTooltip(new Tooltip(status.fallbackMessage()));
        } else {
            device.setTooltip(null);
        }
    }

    private void showSpeed() {
        double value = editor.preview().framesPerSecondProperty().get();
        fps.setText(value > 0 ? String.format("%.1f frames/s", value) : "– frames/s");
    }

    private void showMemory() {
        MemoryStats stats = editor.preview().memoryProperty().get();
        Runtime runtime = Runtime.getRuntime();
        long usedMb = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        memory.setText(String.format("Memory: %d frames, %d long-term · heap %d MB", stats.workingFrames(),
                stats.longTermElements(), usedMb));
    }
}
