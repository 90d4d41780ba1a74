package dev.nitrate.app.settings;

import dev.nitrate.app.project.ProjectSettings;
import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackLocation;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ScrollPane;
import javafx.stage.Screen;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** Pack, device, preview resolution, and memory parameters under "Advanced". */
public final class SettingsDialog extends Dialog<ProjectSettings> {

    private final ToggleGroup packChoice = new ToggleGroup();
    private final RadioButton builtin = new RadioButton("Built-in pack");
    private final RadioButton folder = new RadioButton("Pack folder:");
    private final TextField folderPath = new TextField();
    private final ComboBox<String> device = new ComboBox<>();
    private final Label deviceFallback = new Label();
    private final ComboBox<Integer> previewHeight = new ComboBox<>();
    private final TextField[] memoryFields = new TextField[6];
    private final Label error = new Label();
    private final VBox content;

    public SettingsDialog(Window owner, ProjectSettings current, DeviceProbe probe) {
        initOwner(owner);
        setTitle("Settings");
        setHeaderText("Model pack, device and preview");
        getDialogPane().getStyleClass().add("settings-dialog");
        builtin.setToggleGroup(packChoice);
        folder.setToggleGroup(packChoice);
        builtin.setId("settings-pack-builtin");
        folder.setId("settings-pack-folder");
        folderPath.setId("settings-pack-path");
        folderPath.setPrefColumnCount(28);
        if (current.pack() instanceof PackLocation.Folder f) {
            folder.setSelected(true);
            folderPath.setText(f.directory().toString());
        } else {
            builtin.setSelected(true);
        }
        folderPath.disableProperty().bind(folder.selectedProperty().not());
        Button browse = new Button("Browse…");
        browse.disableProperty().bind(folder.selectedProperty().not());
        browse.setOnAction(e -> {
            File chosen = new DirectoryChooser().showDialog(getDialogPane().getScene().getWindow());
            if (chosen != null) {
                folderPath.setText(chosen.getPath());
            }
        });

        device.setId("settings-device");
        device.getItems().addAll("cpu", "cuda:0", "cuda:1", "cuda:2", "cuda:3");
        device.setEditable(true);
        device.setValue(current.device().toString());
        deviceFallback.setId("settings-device-fallback");
        deviceFallback.getStyleClass().add("warning");
        deviceFallback.setWrapText(true);
        device.valueProperty().addListener((o, a, b) -> showFallback(probe, b));
        showFallback(probe, device.getValue());

        previewHeight.setId("settings-preview-height");
        previewHeight.getItems().addAll(144, 240, 360, 480, 720);
        previewHeight.setValue(current.previewHeight());

        InferenceOptions.MemoryOverrides m = current.memoryOverrides();
        String[] names = {"Top-k", "Memory every (frames)", "Min mid-term frames", "Max mid-term frames", "Prototypes", "Max long-term elements"};
        Integer[] values = m == null ? new Integer[6] : new Integer[] {m.topK(), m.memEvery(), m.minMidTermFrames(),
                m.maxMidTermFrames(), m.numPrototypes(), m.maxLongTermElements()};
        GridPane advanced = new GridPane();
        advanced.setHgap(10);
        advanced.setVgap(6);
        for (int i = 0; i < 6; i++) {
            memoryFields[i] = new TextField(values[i] == null ? "" : values[i].toString());
            memoryFields[i].setPromptText("pack default");
            memoryFields[i].setId("settings-memory-" + i);
            advanced.addRow(i, new Label(names[i]), memoryFields[i]);
        }
        TitledPane advancedPane = new TitledPane("Advanced: memory parameters", advanced);
        advancedPane.setExpanded(m != null);
        advancedPane.setAnimated(false);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Model pack"), new VBox(6, builtin, new HBox(6, folder, folderPath, browse)));
        grid.addRow(1, new Label("Device"), new VBox(4, device, deviceFallback));
        grid.addRow(2, new Label("Preview height"), previewHeight);
        keepWidth(grid, advanced, folder, browse);
        error.getStyleClass().add("error-text");
        error.setId("settings-error");
        content = new VBox(12, grid, advancedPane, error);
        content.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("settings-scroll");
        getDialogPane().setContent(scroll);
        advancedPane.expandedProperty().addListener((o, was, expanded) -> javafx.application.Platform.runLater(this::fitToScreen));
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (read().isEmpty()) {
                e.consume();
            }
        });
        setResultConverter(button -> button == ButtonType.OK ? read().orElse(null) : null);
    }

    /**
     * Labels, the folder choice and Browse keep their full width (at 1.5x, with Advanced open and its scroll bar shown,
     * they were cut to "Pack fold…"); only the folder field gives way. Each row's label sits on its first line's baseline.
     */
    private static void keepWidth(GridPane grid, GridPane advanced, javafx.scene.layout.Region... more) {
        for (GridPane pane : List.of(grid, advanced)) {
            for (javafx.scene.Node node : pane.getChildren()) {
                GridPane.setValignment(node, javafx.geometry.VPos.BASELINE);
                if (node instanceof Label label) {
                    label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                }
            }
        }
        for (javafx.scene.layout.Region region : more) {
            region.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
    }

    private void showFallback(DeviceProbe probe, String text) {
        try {
            DeviceProbe.DeviceStatus status = probe.probe(ComputeDevice.parse(text));
            deviceFallback.setText(status.fallbackMessage() == null ? "" : status.fallbackMessage());
        } catch (IllegalArgumentException e) {
            deviceFallback.setText(e.getMessage());
        }
    }

    /** The settings in the form, or empty after showing what is wrong. */
    public Optional<ProjectSettings> read() {
        try {
            PackLocation pack = PackLocation.BUILTIN;
            if (folder.isSelected()) {
                Path dir = Path.of(folderPath.getText().trim());
                if (folderPath.getText().isBlank() || !Files.isDirectory(dir)) {
                    throw new IllegalArgumentException("The pack folder '" + folderPath.getText() + "' does not exist");
                }
                if (!Files.isRegularFile(dir.resolve("pack.json"))) {
                    throw new IllegalArgumentException("The folder " + dir + " has no pack.json: it is not a model pack");
                }
                pack = new PackLocation.Folder(dir);
            }
            Integer[] v = new Integer[6];
            boolean any = false;
            for (int i = 0; i < 6; i++) {
                String text = memoryFields[i].getText().trim();
                if (!text.isEmpty()) {
                    try {
                        v[i] = Integer.parseInt(text);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + text + "' is not a whole number");
                    }
                    if (v[i] <= 0) {
                        throw new IllegalArgumentException("memory parameters must be positive, got " + v[i]);
                    }
                    any = true;
                }
            }
            InferenceOptions.MemoryOverrides memory = any ? new InferenceOptions.MemoryOverrides(v[0], v[1], v[2], v[3], v[4], v[5]) : null;
            ProjectSettings settings = new ProjectSettings(pack, ComputeDevice.parse(device.getValue()),
                    previewHeight.getValue(), memory);
            error.setText("");
            return Optional.of(settings);
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            return Optional.empty();
        }
    }

    public VBox content() {
        return content;
    }

    /**
     * Grows or shrinks the window to its content when "Advanced" opens or closes, never beyond the screen: what does
     * not fit then scrolls, and OK/Cancel stay in the window.
     */
    private void fitToScreen() {
        Window window = getDialogPane().getScene() == null ? null : getDialogPane().getScene().getWindow();
        if (window == null) {
            return;
        }
        double screen = Screen.getScreensForRectangle(window.getX(), window.getY(), 1, 1).stream().findFirst()
                .orElse(Screen.getPrimary()).getVisualBounds().getMaxY();
        double wanted = getDialogPane().prefHeight(getDialogPane().getWidth()) + (window.getHeight() - getDialogPane().getHeight());
        window.setHeight(Math.min(wanted, screen - Math.max(0, window.getY())));
    }
}
