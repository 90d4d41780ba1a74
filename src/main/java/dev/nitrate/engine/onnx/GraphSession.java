package dev.nitrate.engine.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensorLike;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.nitrate.engine.colorize.ComputeDevice;
import java.util.Map;

/**
 * One open ONNX Runtime session with the options it was built with and the device it really runs on.
 * It owns its native session, session options and run options, and closes them in that order.
 * A run in flight can be cancelled from another thread with {@link #cancel}.
 */
public final class GraphSession implements AutoCloseable {

    private final String name;
    private final OrtSession session;
    private final OrtSession.SessionOptions options;
    private final OrtSession.RunOptions runOptions;
    private final ComputeDevice device;
    private final String fallbackReason;

    GraphSession(String name, OrtSession session, OrtSession.SessionOptions options, OrtSession.RunOptions runOptions,
            ComputeDevice device, String fallbackReason) {
        this.name = name;
        this.session = session;
        this.options = options;
        this.runOptions = runOptions;
        this.device = device;
        this.fallbackReason = fallbackReason;
    }

    /** The graph's name, for messages. */
    public String name() {
        return name;
    }

    /** The device the session actually runs on (the CPU after a CUDA fallback). */
    public ComputeDevice device() {
        return device;
    }

    /** Why CUDA was not used although it was requested, or {@code null}. */
    public String fallbackReason() {
        return fallbackReason;
    }

    public Map<String, NodeInfo> inputInfo() throws OrtException {
        return session.getInputInfo();
    }

    public Map<String, NodeInfo> outputInfo() throws OrtException {
        return session.getOutputInfo();
    }

    /** Runs the graph; the caller closes the result (which closes its output tensors). */
    public OrtSession.Result run(Map<String, ? extends OnnxTensorLike> inputs) throws OrtException {
        return session.run(inputs, runOptions);
    }

    /** Makes the run in flight, and any run started before {@link #resetCancel}, stop with an {@link OrtException}. */
    public void cancel() {
        try {
            runOptions.setTerminate(true);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot cancel " + name, e);
        }
    }

    /** Allows runs again after {@link #cancel}. */
    public void resetCancel() {
        try {
            runOptions.setTerminate(false);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot reset cancellation of " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // the session is gone either way
        }
        options.close();
        runOptions.close();
    }
}
