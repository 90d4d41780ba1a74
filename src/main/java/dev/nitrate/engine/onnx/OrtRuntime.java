package dev.nitrate.engine.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import dev.nitrate.engine.natives.NativeCache;

/**
 * The process's single ONNX Runtime environment. Every session of the engine is created in it.
 * Telemetry is switched off when the environment is first created; its native libraries come from Nitrate's cache
 * folder ({@link NativeCache#install()}), never unpacked into the temporary folder.
 */
public final class OrtRuntime {

    /** Highest default-domain ONNX opset this engine accepts (ONNX Runtime 1.29 implements up to 23). */
    public static final int MAX_SUPPORTED_OPSET = 23;

    private static volatile OrtEnvironment environment;

    private OrtRuntime() {}

    /** The shared environment, created on first use. */
    public static OrtEnvironment environment() {
        OrtEnvironment env = environment;
        if (env == null) {
            synchronized (OrtRuntime.class) {
                env = environment;
                if (env == null) {
                    NativeCache.install();
                    env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "nitrate");
                    try {
                        env.setTelemetry(false);
                    } catch (OrtException e) {
                        // telemetry is compiled out on some builds: nothing to switch off
                    }
                    NativeCache.removeOrtStartupFolder();
                    environment = env;
                }
            }
        }
        return env;
    }
}
