package dev.nitrate.engine.natives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeCacheTest {

    @TempDir
    Path folder;

    @Test
    void theCacheFolderFollowsXdgOnLinuxAndTheUsualPlacesElsewhere() {
        Path home = folder.resolve("home");
        Path xdgCache = folder.resolve("xdg-cache");
        assertEquals(home.resolve(".cache").resolve("nitrate"), NativeCache.folder("Linux", Map.of(), home));
        assertEquals(xdgCache.resolve("nitrate"), NativeCache.folder("Linux", Map.of("XDG_CACHE_HOME", xdgCache.toString()), home));
        assertEquals(home.resolve(".cache").resolve("nitrate"), NativeCache.folder("Linux", Map.of("XDG_CACHE_HOME", "relative/cache"), home),
                "the XDG specification ignores a relative XDG_CACHE_HOME");
        assertEquals(home.resolve("Library").resolve("Caches").resolve("Nitrate"), NativeCache.folder("Mac OS X", Map.of(), home));
    }

    @Test
    void platformNamesMatchOnnxRuntimesResourceFolders() throws IOException {
        assertEquals("linux-x64", OrtNativeUnpacker.platform("Linux", "amd64"));
        assertEquals("osx-aarch64", OrtNativeUnpacker.platform("Mac OS X", "aarch64"));
        assertEquals("win-x64", OrtNativeUnpacker.platform("Windows 11", "amd64"));
        assertThrows(IOException.class, () -> OrtNativeUnpacker.platform("Linux", "riscv64"));
    }

    @Test
    void librariesAreUnpackedOnceReusedAndReplacedWhenDamaged() throws Exception {
        OrtNativeUnpacker unpacker = new OrtNativeUnpacker(getClass().getClassLoader(), "linux-x64", "onnxruntime-test");
        Path natives = unpacker.unpackInto(folder);
        assertEquals(folder.resolve("onnxruntime-test"), natives);
        assertEquals(List.of("libonnxruntime.so", "libonnxruntime4j_jni.so"), names(natives));
        Path library = natives.resolve("libonnxruntime.so");
        assertArrayEquals(resource("libonnxruntime.so"), Files.readAllBytes(library));

        FileTime earlier = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(library, earlier);
        unpacker.unpackInto(folder);
        assertEquals(earlier, Files.getLastModifiedTime(library), "a complete copy is reused, not rewritten");

        Files.write(library, new byte[] {1, 2, 3});
        unpacker.unpackInto(folder);
        assertArrayEquals(resource("libonnxruntime.so"), Files.readAllBytes(library), "a damaged copy is replaced");
        assertEquals(List.of("libonnxruntime.so", "libonnxruntime4j_jni.so"), names(natives), "no temporary file is left");
    }

    @Test
    void aPlatformWithoutLibrariesIsReported() {
        OrtNativeUnpacker unpacker = new OrtNativeUnpacker(getClass().getClassLoader(), "plan9-x64", "onnxruntime-test");
        IOException error = assertThrows(IOException.class, () -> unpacker.unpackInto(folder));
        assertEquals("ONNX Runtime's jar holds no libraries for plan9-x64", error.getMessage());
    }

    private byte[] resource(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("ai/onnxruntime/native/linux-x64/" + name)) {
            return in.readAllBytes();
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
