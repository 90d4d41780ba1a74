package dev.nitrate.engine.pack;

import dev.nitrate.engine.checksum.Sha256;
import dev.nitrate.engine.colorize.PackException;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.onnx.GraphSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model pack whose manifest parsed and whose graph files exist and match their SHA-256.
 * The graphs' tensor names and shapes are checked when sessions open ({@link PackSessions}).
 */
public final class ModelPack {

    /** Classpath folder of the built-in pack. */
    public static final String BUILTIN_RESOURCE_ROOT = "/packs/builtin/";
    public static final String MANIFEST_FILE = "pack.json";

    private final PackLocation location;
    private final PackManifest manifest;
    private final Map<String, GraphSource> graphSources;

    private ModelPack(PackLocation location, PackManifest manifest, Map<String, GraphSource> graphSources) {
        this.location = location;
        this.manifest = manifest;
        this.graphSources = Map.copyOf(graphSources);
    }

    /**
     * Loads and verifies a pack.
     *
     * @throws PackException naming the file and the problem: missing or unreadable files, a bad manifest, a hash mismatch
     */
    public static ModelPack load(PackLocation location) throws PackException {
        if (location instanceof PackLocation.Folder folder) {
            return loadFolder(folder);
        }
        return loadBuiltin();
    }

    private static ModelPack loadFolder(PackLocation.Folder folder) throws PackException {
        Path dir = folder.directory();
        Path manifestPath = dir.resolve(MANIFEST_FILE);
        if (!Files.isDirectory(dir)) {
            throw new PackException(dir + (Files.exists(dir) ? ": is a file, not a pack folder (a pack is a folder holding pack.json)"
                    : ": pack folder does not exist"));
        }
        String json;
        try {
            json = Files.readString(manifestPath, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PackException(manifestPath + ": missing (a pack folder needs a " + MANIFEST_FILE + ")");
        } catch (IOException e) {
            throw new PackException(manifestPath + ": cannot be read: " + e.getMessage(), e);
        }
        PackManifest manifest = ManifestParser.parse(json, manifestPath.toString());
        Map<String, GraphSource> sources = new LinkedHashMap<>();
        for (GraphSpec spec : manifest.graphs().values()) {
            Path file = dir.resolve(spec.file()).normalize();
            if (!file.startsWith(dir.normalize())) {
                throw new PackException(manifestPath + ": graphs." + spec.role() + ".file '" + spec.file() + "' points outside the pack");
            }
            if (!Files.isRegularFile(file)) {
                throw new PackException(file + ": missing (graph " + spec.role() + " of " + manifestPath + ")");
            }
            String actual;
            try (InputStream in = Files.newInputStream(file)) {
                actual = Sha256.of(in);
            } catch (IOException e) {
                throw new PackException(file + ": cannot be read: " + e.getMessage(), e);
            }
            checkHash(file.toString(), spec, actual);
            sources.put(spec.role(), new GraphSource.FromFile(file));
        }
        return new ModelPack(folder, manifest, sources);
    }

    private static ModelPack loadBuiltin() throws PackException {
        String manifestName = BUILTIN_RESOURCE_ROOT + MANIFEST_FILE;
        byte[] manifestBytes = resource(manifestName);
        if (manifestBytes == null) {
            throw new PackException("built-in pack " + manifestName + ": missing from the application (classpath resource not found)");
        }
        PackManifest manifest = ManifestParser.parse(new String(manifestBytes, StandardCharsets.UTF_8), "built-in pack " + manifestName);
        Map<String, GraphSource> sources = new LinkedHashMap<>();
        for (GraphSpec spec : manifest.graphs().values()) {
            String name = BUILTIN_RESOURCE_ROOT + spec.file();
            byte[] bytes = resource(name);
            if (bytes == null) {
                throw new PackException("built-in pack " + name + ": missing (graph " + spec.role() + ")");
            }
            checkHash("built-in pack " + name, spec, Sha256.of(bytes));
            sources.put(spec.role(), new GraphSource.FromBytes(name, bytes));
        }
        return new ModelPack(PackLocation.BUILTIN, manifest, sources);
    }

    private static byte[] resource(String name) throws PackException {
        try (InputStream in = ModelPack.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new PackException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static void checkHash(String file, GraphSpec spec, String actual) throws PackException {
        if (!actual.equals(spec.sha256())) {
            throw new PackException(file + ": SHA-256 mismatch for graph " + spec.role() + " (manifest " + spec.sha256()
                    + ", file " + actual + "): the file is damaged or does not belong to this pack");
        }
    }

    public PackLocation location() {
        return location;
    }

    public PackManifest manifest() {
        return manifest;
    }

    /** The verified bytes or file of the graph with the given role. */
    public GraphSource graphSource(String role) {
        GraphSource source = graphSources.get(role);
        if (source == null) {
            throw new IllegalArgumentException("pack " + location + " has no " + role + " graph");
        }
        return source;
    }

    public boolean hasGraph(String role) {
        return graphSources.containsKey(role);
    }

    @Override
    public String toString() {
        return manifest.name() + " " + manifest.version() + " (" + location + ")";
    }
}
