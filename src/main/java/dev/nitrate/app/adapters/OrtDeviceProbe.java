package dev.nitrate.app.adapters;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import dev.nitrate.app.settings.DeviceProbe;
import dev.nitrate.engine.colorize.ComputeDevice;

/**
 * Reports a CUDA request as a CPU fallback when this build's ONNX Runtime has no CUDA provider. When the provider
 * is present but its libraries do not load, the engine falls back as it opens the pack and the preview reports it.
 */
public final class OrtDeviceProbe implements DeviceProbe {

    @Override
    public DeviceStatus probe(ComputeDevice requested) {
        if (requested instanceof ComputeDevice.Cpu) {
            return new DeviceStatus(requested, requested, null);
        }
        boolean cuda;
        try {
            cuda = OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
        } catch (RuntimeException | LinkageError e) {
            cuda = false;
        }
        return cuda ? new DeviceStatus(requested, requested, null)
                : new DeviceStatus(requested, ComputeDevice.CPU,
                        requested + " is not available in this build (CPU-only ONNX Runtime): running on the CPU");
    }
}
