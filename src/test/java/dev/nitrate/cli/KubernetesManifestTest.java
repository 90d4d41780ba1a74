package dev.nitrate.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes manifests in {@code installer/kubernetes}: an Indexed Job with one pod per part (the
 * completion index is the part) and an assembly Job, both on one shared volume, whose command lines are
 * real {@code nitrate} commands that parse.
 */
class KubernetesManifestTest {

    private static final Path FOLDER = Path.of("installer", "kubernetes");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String name) throws IOException {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(FOLDER.resolve(name)));
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            current = current instanceof List<?> list ? list.get(Integer.parseInt(key)) : ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }

    /** The container's command with every {@code $(VAR)} replaced by its env value, or by {@code index} for a field reference. */
    private static List<String> expanded(Map<String, Object> job, String index) {
        Map<String, Object> container = at(job, "spec", "template", "spec", "containers", "0");
        List<Map<String, Object>> env = at(container, "env");
        List<String> command = new ArrayList<>();
        for (String word : (List<String>) at(container, "command")) {
            for (Map<String, Object> variable : env) {
                String value = variable.containsKey("value") ? (String) variable.get("value") : index;
                word = word.replace("$(" + variable.get("name") + ")", value);
            }
            command.add(word);
        }
        return command;
    }

    private static void assertParses(List<String> command) {
        assertEquals("nitrate", command.get(0), "the installed launcher");
        String[] args = command.subList(1, command.size()).toArray(String[]::new);
        assertDoesNotThrow(() -> new NitrateCli(ColorizerProvider.engine()).commandLine().parseArgs(args), String.join(" ", command));
        assertTrue(new NitrateCli(ColorizerProvider.engine()).commandLine().getSubcommands().containsKey(args[0]), args[0]);
    }

    private static void assertSharedVolume(Map<String, Object> job, String plan) {
        Map<String, Object> pod = at(job, "spec", "template", "spec");
        String mount = at(pod, "containers", "0", "volumeMounts", "0", "mountPath");
        assertTrue(plan.startsWith(mount + "/"), "the plan lies on the shared volume: " + plan);
        assertEquals("nitrate-shared", (String) at(pod, "volumes", "0", "persistentVolumeClaim", "claimName"));
        assertEquals((String) at(pod, "containers", "0", "volumeMounts", "0", "name"), (String) at(pod, "volumes", "0", "name"));
        List<Map<String, Object>> env = at(pod, "containers", "0", "env");
        assertTrue(env.stream().anyMatch(v -> "ORT_DISABLE_TELEMETRY".equals(v.get("name")) && "1".equals(v.get("value"))), env.toString());
    }

    @Test
    void theIndexedJobRunsOnePartPerCompletionIndex() throws IOException {
        Map<String, Object> job = load("render-parts.yaml");
        assertEquals("batch/v1", job.get("apiVersion"));
        assertEquals("Job", job.get("kind"));
        assertEquals("Indexed", at(job, "spec", "completionMode"));
        assertEquals((Integer) at(job, "spec", "completions"), at(job, "spec", "parallelism"));
        assertEquals("Never", at(job, "spec", "template", "spec", "restartPolicy"));
        List<Map<String, Object>> env = at(job, "spec", "template", "spec", "containers", "0", "env");
        Map<String, Object> part = env.stream().filter(v -> "PART".equals(v.get("name"))).findFirst().orElseThrow();
        assertEquals("metadata.annotations['batch.kubernetes.io/job-completion-index']", at(part, "valueFrom", "fieldRef", "fieldPath"));
        List<String> command = expanded(job, "5");
        assertEquals(List.of("render-part", "--index", "5"), List.of(command.get(1), command.get(3), command.get(4)));
        assertTrue(command.get(2).endsWith(".nitrate-work/plan.json"), "the plan that nitrate plan writes: " + command.get(2));
        assertParses(command);
        assertSharedVolume(job, command.get(2));
    }

    @Test
    void theAssemblyJobAssemblesTheSamePlanOnTheSameVolume() throws IOException {
        Map<String, Object> job = load("assemble.yaml");
        assertEquals("Job", job.get("kind"));
        assertEquals(1, (Integer) at(job, "spec", "completions"));
        List<String> command = expanded(job, "0");
        assertEquals("assemble", command.get(1));
        assertEquals(expanded(load("render-parts.yaml"), "0").get(2), command.get(2), "both jobs name the same plan");
        assertParses(command);
        assertSharedVolume(job, command.get(2));
        Map<String, Object> claim = load("shared-volume.yaml");
        assertEquals("PersistentVolumeClaim", claim.get("kind"));
        assertEquals("nitrate-shared", at(claim, "metadata", "name"));
        assertEquals(List.of("ReadWriteMany"), at(claim, "spec", "accessModes"));
    }
}
