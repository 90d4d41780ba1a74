package dev.nitrate.engine.natives;

import dev.nitrate.engine.checksum.Sha256;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Copies ONNX Runtime's native libraries out of its jar into one folder per release, once: each file is written
 * under a temporary name beside its final one, checked (size and SHA-256 of what was read), then renamed
 * atomically, so a killed start never leaves a half-written library under the real name. A file that is already
 * there with the right size is reused.
 */
final class OrtNativeUnpacker {

    /** The libraries ONNX Runtime's Java loader looks for in {@code onnxruntime.native.path}. */
    private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni", "onnxruntime_providers_shared",
            "onnxruntime_providers_cuda", "onnxruntime_providers_rocm", "onnxruntime_providers_dnnl",
            "onnxruntime_providers_openvino", "onnxruntime_providers_tensorrt", "onnxruntime_providers_qnn",
            "webgpu_dawn", "dxil", "dxcompiler");
    private static final String ORT_CLASS = "ai.onnxruntime.OrtEnvironment";
    private static final String PART_SUFFIX = ".part";
    private static final Duration STALE_PART = Duration.ofMinutes(10);

    private final ClassLoader loader;
    private final String platform;
    private final String release;

    OrtNativeUnpacker(ClassLoader loader, String platform, String release) {
        this.loader = loader;
        this.platform = platform;
        this.release = release;
    }

    /** The unpacker for the ONNX Runtime jar on the class path and this machine's platform (e.g. linux-x64). */
    static OrtNativeUnpacker forThisPlatform() throws IOException {
        ClassLoader loader = NativeCache.class.getClassLoader();
        Package ortPackage;
        try {
            ortPackage = Class.forName(ORT_CLASS, false, loader).getPackage();
        } catch (ClassNotFoundException e) {
            throw new IOException("ONNX Runtime is not on the class path");
        }
        String title = ortPackage.getImplementationTitle();
        String version = ortPackage.getImplementationVersion();
        if (version == null) {
            throw new IOException("ONNX Runtime's jar names no version");
        }
        return new OrtNativeUnpacker(loader, platform(System.getProperty("os.name", ""), System.getProperty("os.arch", "")),
                (title == null ? "onnxruntime" : title) + "-" + version);
    }

    static String platform(String osName, String osArch) throws IOException {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String osPart = os.contains("mac") || os.contains("darwin") ? "osx" : os.contains("win") ? "win" : os.contains("nux") ? "linux" : null;
        String archPart = arch.startsWith("amd64") || arch.startsWith("x86_64") ? "x64" : arch.startsWith("aarch64") ? "aarch64" : null;
        if (osPart == null || archPart == null) {
            throw new IOException("no ONNX Runtime libraries for " + osName + " on " + osArch);
        }
        return osPart + "-" + archPart;
    }

    /** Unpacks what is missing into {@code natives/RELEASE/} and returns that folder. */
    Path unpackInto(Path natives) throws IOException {
        List<Library> libraries = new ArrayList<>();
        for (String name : LIBRARIES) {
            String file = fileName(name);
            URL resource = loader.getResource("ai/onnxruntime/native/" + platform + "/" + file);
            if (resource != null) {
                libraries.add(new Library(file, resource, resource.openConnection().getContentLengthLong()));
            }
        }
        if (libraries.stream().noneMatch(library -> library.file().equals(fileName("onnxruntime4j_jni")))) {
            throw new IOException("ONNX Runtime's jar holds no libraries for " + platform);
        }
        Path folder = natives.resolve(release);
        Files.createDirectories(folder);
        boolean cleaned = false;
        for (Library library : libraries) {
            Path target = folder.resolve(library.file());
            if (Files.isRegularFile(target) && Files.size(target) == library.size()) {
                continue;
            }
            if (!cleaned) {
                removeStaleParts(folder);
                cleaned = true;
            }
            unpack(library, target);
        }
        return folder;
    }

    private static String fileName(String library) {
        return System.mapLibraryName(library).replace("jnilib", "dylib");
    }

    private record Library(String file, URL resource, long size) {}

    private static void unpack(Library library, Path target) throws IOException {
        Path part = Files.createTempFile(target.getParent(), "." + library.file() + ".", PART_SUFFIX);
        try {
            MessageDigest read = Sha256.newDigest();
            try (InputStream in = new DigestInputStream(library.resource().openStream(), read);
                    FileOutputStream out = new FileOutputStream(part.toFile())) {
                in.transferTo(out);
                out.getFD().sync();
            }
            long written = Files.size(part);
            if (library.size() >= 0 && written != library.size()) {
                throw new IOException(target + ": wrote " + written + " bytes of " + library.size());
            }
            if (!Sha256.hex(read.digest()).equals(Sha256.of(part))) {
                throw new IOException(target + ": the written copy differs from the jar's");
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Temporary files of an unpacking that was killed: only our own {@code .NAME.*.part} files, and only old ones. */
    private static void removeStaleParts(Path folder) throws IOException {
        Instant cutoff = Instant.now().minus(STALE_PART);
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, ".*" + PART_SUFFIX)) {
            for (Path part : parts) {
                if (Files.isRegularFile(part) && Files.getLastModifiedTime(part).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(part);
                }
            }
        }
    }
}
