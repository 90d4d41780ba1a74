package dev.nitrate.app.export;

import dev.nitrate.app.media.FilmFacts;
import dev.nitrate.app.project.ExportFormat;
import dev.nitrate.engine.video.FilmInfo;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** File, format, quality, range, luma lock and audio of an export. */
public final class ExportDialog extends Dialog<ExportDialog.Request> {

    /** What the user asked for. */
    public record Request(Path output, ExportFormat format, int quality, int first, int end, boolean lumaLock, boolean audio,
                          boolean overwrite) {}

    private final TextField file = new TextField();
    private final ComboBox<ExportFormat> format = new ComboBox<>();
    private final Slider quality = new Slider(0, 100, 80);
    private final Spinner<Integer> first;
    private final Spinner<Integer> last;
    private final CheckBox lumaLock = new CheckBox("Luma lock: keep the source's lightness exactly");
    private final CheckBox audio = new CheckBox("Copy the film's audio");
    private final CheckBox overwrite = new CheckBox("Replace the output if it exists (a file, or frames Nitrate wrote)");
    private final Label error = new Label();

    public ExportDialog(Window owner, FilmInfo film, Path suggested, int shotFirst, int shotEnd, boolean audioSupported) {
        initOwner(owner);
        setTitle("Export");
        setHeaderText("Render the colorized film");
        file.setId("export-file");
        file.setPrefColumnCount(32);
        file.setText(suggested.toString());
        format.setId("export-format");
        format.getItems().setAll(ExportFormat.values());
        format.setValue(ExportFormat.MP4_H264);
        format.valueProperty().addListener((o, a, b) -> {
            String text = file.getText();
            if (b.imageSequence() && text.endsWith(".mp4")) {
                file.setText(text.substring(0, text.length() - 4) + "_frames");
            } else if (!b.imageSequence() && !text.endsWith(".mp4")) {
                file.setText(text + ".mp4");
            }
        });
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> browse());
        quality.setId("export-quality");
        quality.setShowTickLabels(true);
        quality.setMajorTickUnit(25);
        int frames = FilmFacts.frameCount(film);
        first = new Spinner<>(0, frames - 1, 0);
        last = new Spinner<>(0, frames - 1, frames - 1);
        first.setId("export-first");
        last.setId("export-last");
        first.setEditable(true);
        last.setEditable(true);
        Button wholeFilm = new Button("Whole film");
        wholeFilm.setOnAction(e -> {
            first.getValueFactory().setValue(0);
            last.getValueFactory().setValue(frames - 1);
        });
        Button currentShot = new Button("Current shot");
        currentShot.setId("export-current-shot");
        currentShot.setOnAction(e -> {
            first.getValueFactory().setValue(shotFirst);
            last.getValueFactory().setValue(shotEnd - 1);
        });
        lumaLock.setId("export-luma-lock");
        lumaLock.setSelected(true);
        audio.setId("export-audio");
        boolean hasAudio = !film.audioStreams().isEmpty();
        audio.setSelected(audioSupported && hasAudio);
        audio.setDisable(!audioSupported || !hasAudio);
        if (!audioSupported) {
            audio.setTooltip(new Tooltip("This build's writer does not copy audio yet"));
            audio.setText("Copy the film's audio (not available in this build)");
        } else if (!hasAudio) {
            audio.setText("Copy the film's audio (the film has none)");
        }

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, new Label("Output"), new HBox(6, file, browse));
        grid.addRow(1, new Label("Format"), format);
        grid.addRow(2, new Label("Quality"), quality);
        grid.addRow(3, new Label("Frames"), new HBox(6, first, new Label("to"), last, wholeFilm, currentShot));
        grid.add(lumaLock, 1, 4);
        grid.add(audio, 1, 5);
        overwrite.setId("export-overwrite");
        grid.add(overwrite, 1, 6);
        error.getStyleClass().add("error-text");
        error.setId("export-error");
        VBox content = new VBox(10, grid, error);
        content.setPadding(new Insets(8));
        getDialogPane().setContent(content);
        ButtonType render = new ButtonType("Add to render queue", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(render, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(render);
        ok.setId("export-ok");
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (read().isEmpty()) {
                e.consume();
            }
        });
        setResultConverter(b -> b == render ? read().orElse(null) : null);
    }

    private void browse() {
        Window window = getDialogPane().getScene().getWindow();
        if (format.getValue().imageSequence()) {
            File dir = new DirectoryChooser().showDialog(window);
            if (dir != null) {
                file.setText(dir.getPath());
            }
        } else {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MP4 video", "*.mp4"));
            File chosen = chooser.showSaveDialog(window);
            if (chosen != null) {
                file.setText(chosen.getPath());
            }
        }
    }

    /** The request in the form, or empty after showing what is wrong. */
    public Optional<Request> read() {
        String text = file.getText().trim();
        if (text.isEmpty()) {
            return fail("Choose where to write the export.");
        }
        Path output = Path.of(text).toAbsolutePath();
        Path parent = output.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return fail("The folder " + parent + " does not exist.");
        }
        if (!Files.isWritable(parent)) {
            return fail("The folder " + parent + " is not writable.");
        }
        if (format.getValue().imageSequence() && Files.isRegularFile(output)) {
            return fail(output + " is a file: an image sequence needs a folder.");
        }
        if (!format.getValue().imageSequence() && Files.isDirectory(output)) {
            return fail(output + " is a folder: choose a file name ending in .mp4.");
        }
        if (Files.exists(output, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !overwrite.isSelected()) {
            return fail(output + " exists: choose another name, or tick \"Replace the output if it exists\".");
        }
        int a = first.getValue();
        int b = last.getValue();
        if (b < a) {
            return fail("The last frame (" + b + ") comes before the first (" + a + ").");
        }
        error.setText("");
        return Optional.of(new Request(output, format.getValue(), (int) Math.round(quality.getValue()), a, b + 1,
                lumaLock.isSelected(), audio.isSelected(), overwrite.isSelected()));
    }

    private Optional<Request> fail(String message) {
        error.setText(message);
        return Optional.empty();
    }
}
