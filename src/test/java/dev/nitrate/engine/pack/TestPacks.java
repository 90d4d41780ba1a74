package dev.nitrate.engine.pack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Copies of the small toy pack (src/test/resources/packs/toy, written by onnx/reference) to break in tests. */
public final class TestPacks {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private TestPacks() {}

    public static Path toySource() {
        try {
            return Path.of(TestPacks.class.getResource("/packs/toy/pack.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path copyToy(Path dir) throws IOException {
        Path target = dir.resolve("toy");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(toySource())) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    public static void editManifest(Path pack, Consumer<ObjectNode> edit) throws IOException {
        Path file = pack.resolve("pack.json");
        ObjectNode root = (ObjectNode) MAPPER.readTree(file.toFile());
        edit.accept(root);
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    public static String sha256(Path file) throws IOException {
        return dev.nitrate.engine.checksum.Sha256.of(file);
    }

    public static ObjectNode graph(ObjectNode root, String role) {
        return (ObjectNode) root.get("graphs").get(role);
    }
}
