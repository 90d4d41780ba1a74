package dev.nitrate.engine.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.PackException;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.onnx.SessionOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading packs: a good pack loads; each kind of damage gives an error naming the file and the problem. */
class ModelPackTest {

    @TempDir
    Path tmp;

    private static final SessionOpener CPU = new SessionOpener(ComputeDevice.CPU, 1);

    private PackException failure(Path pack) {
        return assertThrows(PackException.class, () -> {
            ModelPack loaded = ModelPack.load(new PackLocation.Folder(pack));
            PackSessions.open(loaded, CPU).close();
        });
    }

    private static void assertMentions(PackException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should mention '" + part + "'");
        }
    }

    @Test
    void goodPackLoadsAndItsSessionsOpen() throws Exception {
        ModelPack pack = ModelPack.load(new PackLocation.Folder(TestPacks.copyToy(tmp)));
        assertEquals("nitrate-pack/1", pack.manifest().format());
        assertEquals(2, pack.manifest().channels().objects());
        assertEquals(112, pack.manifest().paddingMultiple());
        assertTrue(pack.manifest().localAttention().enabled());
        try (PackSessions sessions = PackSessions.open(pack, CPU)) {
            assertEquals(ComputeDevice.CPU, sessions.device());
            assertTrue(sessions.has(PackManifest.LOCAL_ATTENTION));
        }
    }

    @Test
    void missingFolderOrManifest() throws Exception {
        assertMentions(failure(tmp.resolve("nowhere")), "nowhere", "does not exist");
        Path pack = TestPacks.copyToy(tmp);
        Files.delete(pack.resolve("pack.json"));
        assertMentions(failure(pack), "pack.json", "missing");
    }

    @Test
    void corruptManifest() throws Exception {
        Path pack = TestPacks.copyToy(tmp);
        Files.writeString(pack.resolve("pack.json"), "{ \"format\": \"nitrate-pack/1\", ");
        assertMentions(failure(pack), "pack.json", "not valid JSON");
    }

    @Test
    void manifestFieldMissing() throws Exception {
        Path pack = TestPacks.copyToy(tmp);
        TestPacks.editManifest(pack, root -> ((ObjectNode) root.get("memory")).remove("top_k"));
        assertMentions(failure(pack), "pack.json", "memory.top_k");
    }

    @Test
    void aFlowSectionIsReadAndItsAbsenceMeansNoFlowStage() throws Exception {
        Path pack = TestPacks.copyToy(tmp);
        assertTrue(ModelPack.load(new PackLocation.Folder(pack)).manifest().flow().isEmpty());
        TestPacks.editManifest(pack, root -> root.putObject("flow").put("preset", "fast").put("max_area", 4096)
                .put("consistency_px", 1.5).put("chain_decay", 0.9).put("readout_confidence", 0.25));
        PackManifest.FlowSettings flow = ModelPack.load(new PackLocation.Folder(pack)).manifest().flow().orElseThrow();
        assertEquals(new PackManifest.FlowSettings("fast", 4096, 1.5f, 0.9f, 0.25f), flow);
        assertEquals(0f, flow.lightnessTolerance(), "no lightness check unless the pack asks for one");
        TestPacks.editManifest(pack, root -> ((ObjectNode) root.get("flow")).put("lightness_tolerance", 2.5));
        assertEquals(2.5f, ModelPack.load(new PackLocation.Folder(pack)).manifest().flow().orElseThrow().lightnessTolerance());
    }

    @Test
    void aBadFlowSectionIsRefusedOnOneLine() throws Exception {
        Path pack = TestPacks.copyToy(tmp);
        TestPacks.editManifest(pack, root -> root.putObject("flow").put("preset", "slowest").put("max_area", 4096)
                .put("consistency_px", 1.5).put("chain_decay", 0.9).put("readout_confidence", 0.25));
        assertMentions(failure(pack), "pack.json", "flow.preset", "slowest");
        TestPacks.editManifest(pack, root -> ((ObjectNode) root.get("flow")).put("preset", "medium").remove("chain_decay"));
        assertMentions(failure(pack), "pack.json", "flow.chain_decay");
        TestPacks.editManifest(pack, root -> ((ObjectNode) root.get("flow")).put("chain_decay", 1.5));
        assertMentions(failure(pack), "pack.json", "chain_decay");
        TestPacks.editManifest(pack, root -> ((ObjectNode) root.get("flow")).put("chain_decay", 0.9).put("lightness_tolerance", -1));
        assertMentions(failure(pack), "pack.json", "lightness_tolerance");
        TestPacks.editManifest(pack, root -> ((ObjectNode) root.get("flow")).put("lightness_tolerance", "wide"));
        assertMentions(failure(pack), "pack.json", "flow.lightness_tolerance");
    }

    @Test
    void missingGraphFile() throws Exception {
        Path pack = TestPacks.copyToy(tmp);
        Files.delete(pack.resolve("decoder.onnx"));
        assertMentions(failure(pack), "decoder.onnx", "missing");
    }

    @Test
    void corruptGraphFileFailsItsHash() throws Exception {
        Path pack = TestPacks.copyToy(tmp);
        byte[] bytes = Files.readAllBytes(pack.resolve("value_encoder.onnx"));
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(pack.resolve("value_encoder.onnx"), bytes);
        assertMentions(failure(pack), "value_encoder.onnx", "SHA-256 mismatch");
    }

    @Test
    void corruptGraphWithMatchingHashIsRefusedByTheRuntime() throws Exception {
        Path pack = TestPacks.copyToy(tmp);
        Path file = pack.resolve("decoder.onnx");
        Files.write(file, new byte[] {0x0a, 0x03, 0x01, 0x02});
        String sha = TestPacks.sha256(file);
        TestPacks.editManifest(pack, root -> TestPacks.graph(root, "decoder").put("sha256", sha));
        assertMentions(failure(pack), "decoder.onnx");
    }

    @Test
    void wrongTensorName() throws Exception {
        Path pack = TestPacks.copyToy(tmp);
        TestPacks.editManifest(pack, root -> ((ObjectNode) TestPacks.graph(root, "decoder").get("inputs").get(3)).put("name", "memory_readout"));
        assertMentions(failure(pack), "decoder.onnx", "inputs", "memory_readout");
    }

    @Test
    void wrongRank() throws Exception {
        Path pack = TestPacks.copyToy(tmp);
        TestPacks.editManifest(pack, root -> ((ArrayNode) TestPacks.graph(root, "key_encoder").get("outputs").get(3).get("shape")).remove(0));
        assertMentions(failure(pack), "key_encoder.onnx", "'key'", "rank 4");
    }

    @Test
    void wrongFixedSize() throws Exception {
        Path pack = TestPacks.copyToy(tmp);
        TestPacks.editManifest(pack, root -> ((ArrayNode) TestPacks.graph(root, "key_encoder").get("outputs").get(0).get("shape")).set(1, 999));
        assertMentions(failure(pack), "key_encoder.onnx", "'f16'", "999");
    }

    @Test
    void unsupportedOpsetDeclared() throws Exception {
        Path pack = TestPacks.copyToy(tmp);
        TestPacks.editManifest(pack, root -> root.put("opset", 99));
        assertMentions(failure(pack), "opset 99");
    }

    @Test
    void unsupportedOpsetInAGraph() throws Exception {
        Path pack = TestPacks.copyToy(tmp);
        Path file = pack.resolve("key_encoder.onnx");
        byte[] bytes = Files.readAllBytes(file);
        int at = lastIndexOf(bytes, new byte[] {0x42, 0x02, 0x10, 0x11});
        assertTrue(at > 0, "opset_import 17 found in the graph");
        bytes[at + 3] = 0x1e;
        Files.write(file, bytes);
        String sha = TestPacks.sha256(file);
        TestPacks.editManifest(pack, root -> TestPacks.graph(root, "key_encoder").put("sha256", sha));
        assertMentions(failure(pack), "key_encoder.onnx", "opset 30");
    }

    @Test
    void builtinPackMissingIsAClearError() {
        if (ModelPack.class.getResource(ModelPack.BUILTIN_RESOURCE_ROOT + ModelPack.MANIFEST_FILE) != null) {
            return;
        }
        PackException e = assertThrows(PackException.class, () -> ModelPack.load(PackLocation.BUILTIN));
        assertMentions(e, "built-in pack", "missing");
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            boolean match = true;
            for (int j = 0; j < needle.length && match; j++) {
                match = haystack[i + j] == needle[j];
            }
            if (match) {
                return i;
            }
        }
        return -1;
    }
}
