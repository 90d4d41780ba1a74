package dev.nitrate.engine.pack;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.PackException;
import dev.nitrate.engine.onnx.GraphSession;
import dev.nitrate.engine.onnx.GraphSource;
import dev.nitrate.engine.onnx.OnnxOpsets;
import dev.nitrate.engine.onnx.OrtRuntime;
import dev.nitrate.engine.onnx.SessionOpener;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The open sessions of every graph of one pack, each checked against the manifest: opset, input and
 * output names, ranks and fixed sizes. Owns the sessions and closes them together.
 */
public final class PackSessions implements AutoCloseable {

    private final Map<String, GraphSession> sessions;

    private PackSessions(Map<String, GraphSession> sessions) {
        this.sessions = sessions;
    }

    /**
     * Opens and checks every graph of the pack.
     *
     * @throws PackException naming the graph file and the mismatch
     */
    public static PackSessions open(ModelPack pack, SessionOpener opener) throws PackException {
        Map<String, GraphSession> opened = new LinkedHashMap<>();
        try {
            PackManifest manifest = pack.manifest();
            if (manifest.opset() > OrtRuntime.MAX_SUPPORTED_OPSET) {
                throw new PackException(pack.location() + ": pack.json declares opset " + manifest.opset()
                        + ", this engine supports up to " + OrtRuntime.MAX_SUPPORTED_OPSET);
            }
            for (GraphSpec spec : manifest.graphs().values()) {
                GraphSource source = pack.graphSource(spec.role());
                checkOpset(source, spec, manifest.opset());
                GraphSession session = opener.open(spec.role(), source);
                opened.put(spec.role(), session);
                checkSignature(source, spec, session);
            }
            return new PackSessions(opened);
        } catch (PackException | RuntimeException e) {
            opened.values().forEach(GraphSession::close);
            throw e;
        }
    }

    private static void checkOpset(GraphSource source, GraphSpec spec, int declared) throws PackException {
        Map<String, Long> opsets;
        try {
            opsets = OnnxOpsets.read(source);
        } catch (IOException e) {
            throw new PackException(source.displayName() + ": not a readable ONNX model (graph " + spec.role() + "): " + e.getMessage(), e);
        }
        long used = opsets.getOrDefault("", opsets.getOrDefault("ai.onnx", 0L));
        if (used > OrtRuntime.MAX_SUPPORTED_OPSET) {
            throw new PackException(source.displayName() + ": graph " + spec.role() + " uses ONNX opset " + used
                    + ", this engine supports up to " + OrtRuntime.MAX_SUPPORTED_OPSET);
        }
        if (used > declared) {
            throw new PackException(source.displayName() + ": graph " + spec.role() + " uses ONNX opset " + used
                    + " but pack.json declares opset " + declared);
        }
    }

    private static void checkSignature(GraphSource source, GraphSpec spec, GraphSession session) throws PackException {
        try {
            check(source, spec, "input", spec.inputs(), session.inputInfo());
            check(source, spec, "output", spec.outputs(), session.outputInfo());
        } catch (OrtException e) {
            throw new PackException(source.displayName() + ": cannot inspect graph " + spec.role() + ": " + e.getMessage(), e);
        }
    }

    private static void check(GraphSource source, GraphSpec spec, String kind, List<TensorSpec> declared, Map<String, NodeInfo> actual)
            throws PackException {
        Set<String> declaredNames = new TreeSet<>();
        declared.forEach(t -> declaredNames.add(t.name()));
        if (!declaredNames.equals(new TreeSet<>(actual.keySet()))) {
            throw new PackException(source.displayName() + ": graph " + spec.role() + " has " + kind + "s " + new TreeSet<>(actual.keySet())
                    + " but pack.json declares " + declaredNames);
        }
        for (TensorSpec t : declared) {
            if (!(actual.get(t.name()).getInfo() instanceof TensorInfo info)) {
                throw new PackException(source.displayName() + ": graph " + spec.role() + " " + kind + " '" + t.name() + "' is not a tensor");
            }
            long[] shape = info.getShape();
            if (shape.length != t.rank()) {
                throw new PackException(source.displayName() + ": graph " + spec.role() + " " + kind + " '" + t.name() + "' has rank "
                        + shape.length + " but pack.json declares " + t.shape() + " (rank " + t.rank() + ")");
            }
            for (int axis = 0; axis < shape.length; axis++) {
                if (t.shape().get(axis) instanceof TensorSpec.Fixed fixed && shape[axis] >= 0 && shape[axis] != fixed.size()) {
                    throw new PackException(source.displayName() + ": graph " + spec.role() + " " + kind + " '" + t.name() + "' has size "
                            + shape[axis] + " on axis " + axis + " but pack.json declares " + fixed.size());
                }
            }
        }
    }

    /** The session of the graph with this role. */
    public GraphSession session(String role) {
        GraphSession s = sessions.get(role);
        if (s == null) {
            throw new IllegalArgumentException("no session for graph " + role);
        }
        return s;
    }

    public boolean has(String role) {
        return sessions.containsKey(role);
    }

    /** The device the networks actually run on. */
    public ComputeDevice device() {
        return sessions.get(PackManifest.KEY_ENCODER).device();
    }

    /** Why the requested CUDA device is not used, or {@code null}. */
    public String fallbackReason() {
        return sessions.get(PackManifest.KEY_ENCODER).fallbackReason();
    }

    /** Cancels the runs in flight of every session. */
    public void cancel() {
        sessions.values().forEach(GraphSession::cancel);
    }

    public void resetCancel() {
        sessions.values().forEach(GraphSession::resetCancel);
    }

    @Override
    public void close() {
        sessions.values().forEach(GraphSession::close);
    }
}
