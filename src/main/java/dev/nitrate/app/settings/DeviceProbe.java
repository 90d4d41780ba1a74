package dev.nitrate.app.settings;

import dev.nitrate.engine.colorize.ComputeDevice;

/** Tells which device the networks will actually run on, so the editor can show a fallback. */
@FunctionalInterface
public interface DeviceProbe {

    DeviceStatus probe(ComputeDevice requested);

    /** @param fallbackMessage why the requested device is not used, or {@code null} when it is */
    record DeviceStatus(ComputeDevice requested, ComputeDevice actual, String fallbackMessage) {

        public String describe() {
            return fallbackMessage == null ? actual.toString().toUpperCase(java.util.Locale.ROOT)
                    : actual.toString().toUpperCase(java.util.Locale.ROOT) + " (fallback)";
        }
    }
}
