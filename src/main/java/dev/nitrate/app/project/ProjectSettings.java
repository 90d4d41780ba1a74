package dev.nitrate.app.project;

import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackLocation;
import java.util.Objects;

/**
 * The engine settings a project keeps.
 *
 * @param pack the model pack
 * @param device the requested compute device
 * @param previewHeight height in pixels that previews are colorized at (the width follows the film's aspect)
 * @param memoryOverrides advanced memory parameters, or {@code null} to use the pack's
 */
public record ProjectSettings(PackLocation pack, ComputeDevice device, int previewHeight,
                              InferenceOptions.MemoryOverrides memoryOverrides) {

    public static final ProjectSettings DEFAULTS = new ProjectSettings(PackLocation.BUILTIN, ComputeDevice.CPU, 240, null);

    public ProjectSettings {
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(device, "device");
        if (previewHeight < 64 || previewHeight > 4320) {
            throw new IllegalArgumentException("preview height must be between 64 and 4320 pixels, got " + previewHeight);
        }
    }

    public InferenceOptions inferenceOptions() {
        return new InferenceOptions(device, 0, memoryOverrides);
    }
}
