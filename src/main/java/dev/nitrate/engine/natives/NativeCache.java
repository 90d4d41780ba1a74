package dev.nitrate.engine.natives;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Nitrate's per-user cache folder, where the native libraries of ONNX Runtime and JavaCPP (FFmpeg) are
 * unpacked once and reused, instead of into the temporary folder on every start.
 *
 * <p>{@link #install()} must run before anything loads ONNX Runtime or JavaCPP: it unpacks ONNX Runtime's
 * libraries into {@code natives/onnxruntime-VERSION/} of the cache and points the system properties
 * {@value #ORT_NATIVE_PATH} and {@value #JAVACPP_CACHE_DIR} there. A property that is already set (the
 * installed launchers set their own) is left alone. Once ONNX Runtime has started,
 * {@link #removeOrtStartupFolder()} removes the empty folder its loader leaves in the temporary folder.
 */
public final class NativeCache {

    /** ONNX Runtime's property: a folder holding its native libraries. */
    public static final String ORT_NATIVE_PATH = "onnxruntime.native.path";
    /** JavaCPP's property: the folder it unpacks FFmpeg's libraries into. */
    public static final String JAVACPP_CACHE_DIR = "org.bytedeco.javacpp.cachedir";

    private static final String ORT_LOADER_CLASS = "ai.onnxruntime.OnnxRuntime";

    private static Setup installed;

    private NativeCache() {}

    /** Where the native libraries went, or why ONNX Runtime falls back to its own unpacking. */
    public record Setup(Path folder, OrtNatives ortNatives) {}

    /** How ONNX Runtime finds its native libraries after {@link #install()}. */
    public sealed interface OrtNatives {
        /** Unpacked into (or found complete in) this folder of the cache. */
        record Cached(Path folder) implements OrtNatives {}

        /** {@value #ORT_NATIVE_PATH} was set before; nothing was unpacked. */
        record AlreadyConfigured(String path) implements OrtNatives {}

        /** The cache could not be used; ONNX Runtime unpacks into the temporary folder as it does by default. */
        record Unavailable(String reason) implements OrtNatives {}
    }

    /**
     * The cache folder: {@code $XDG_CACHE_HOME/nitrate} (default {@code ~/.cache/nitrate}) on Linux,
     * {@code ~/Library/Caches/Nitrate} on macOS, {@code %LOCALAPPDATA%\Nitrate\cache} on Windows.
     */
    public static Path folder() {
        return folder(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path folder(String osName, Map<String, String> environment, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return absolute(environment.get("LOCALAPPDATA")).orElse(home.resolve("AppData").resolve("Local"))
                    .resolve("Nitrate").resolve("cache");
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return home.resolve("Library").resolve("Caches").resolve("Nitrate");
        }
        return absolute(environment.get("XDG_CACHE_HOME")).orElse(home.resolve(".cache")).resolve("nitrate");
    }

    private static Optional<Path> absolute(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(value);
        return path.isAbsolute() ? Optional.of(path) : Optional.empty();
    }

    /** Points ONNX Runtime and JavaCPP at the cache folder; the first call does the work, later calls return its result. */
    public static synchronized Setup install() {
        if (installed == null) {
            Path folder = folder();
            if (System.getProperty(JAVACPP_CACHE_DIR) == null) {
                System.setProperty(JAVACPP_CACHE_DIR, folder.resolve("javacpp").toString());
            }
            installed = new Setup(folder, installOrtNatives(folder));
        }
        return installed;
    }

    /**
     * ONNX Runtime 1.29's loader makes an {@code onnxruntime-java*} folder in the temporary folder at start-up and only
     * marks it for deletion at exit, so every run leaves it behind (empty after a normal exit, with ONNX Runtime's
     * 28 MB in it after a kill). When the libraries come from {@value #ORT_NATIVE_PATH} (the cache folder or the
     * installed launcher's folder) nothing is written into it and it is never used again: this removes it, after ONNX
     * Runtime has started, if it is empty. Anything else (a folder with files, a loader without that field) is left.
     */
    public static void removeOrtStartupFolder() {
        if (install().ortNatives() instanceof OrtNatives.Unavailable) {
            return;
        }
        try {
            Field field = Class.forName(ORT_LOADER_CLASS, false, NativeCache.class.getClassLoader()).getDeclaredField("tempDirectory");
            field.setAccessible(true);
            if (field.get(null) instanceof Path startupFolder) {
                Files.deleteIfExists(startupFolder);
            }
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            // not empty, or another loader: ONNX Runtime removes it at exit
        }
    }

    private static OrtNatives installOrtNatives(Path folder) {
        String configured = System.getProperty(ORT_NATIVE_PATH);
        if (configured != null) {
            return new OrtNatives.AlreadyConfigured(configured);
        }
        try {
            Path natives = OrtNativeUnpacker.forThisPlatform().unpackInto(folder.resolve("natives"));
            System.setProperty(ORT_NATIVE_PATH, natives.toString());
            return new OrtNatives.Cached(natives);
        } catch (IOException | RuntimeException e) {
            return new OrtNatives.Unavailable(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
