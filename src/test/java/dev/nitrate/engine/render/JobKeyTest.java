package dev.nitrate.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.nitrate.engine.checksum.Sha256;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.pack.ModelPack;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A render's key names the exact pack version, so a checkpoint of another version is not resumed. */
class JobKeyTest {

    @TempDir
    Path tmp;

    @Test
    void theBuiltInPackIsIdentifiedByItsManifest() throws Exception {
        String digest;
        try (InputStream manifest = JobKeyTest.class.getResourceAsStream(ModelPack.BUILTIN_RESOURCE_ROOT + "pack.json")) {
            assertNotNull(manifest);
            digest = Sha256.of(manifest);
        }
        assertEquals(PackLocation.BUILTIN + " sha256=" + digest, JobKey.packIdentity(PackLocation.BUILTIN));
    }

    @Test
    void aPackFolderIsIdentifiedByItsManifest() throws Exception {
        Path pack = Files.createDirectories(tmp.resolve("pack"));
        Files.writeString(pack.resolve("pack.json"), "{\"version\": \"1\"}");
        String first = JobKey.packIdentity(new PackLocation.Folder(pack));
        Files.writeString(pack.resolve("pack.json"), "{\"version\": \"2\"}");
        String second = JobKey.packIdentity(new PackLocation.Folder(pack));
        assertEquals(new PackLocation.Folder(pack) + " sha256=" + Sha256.of(pack.resolve("pack.json")), second);
        assertNotEquals(first, second);
    }
}
