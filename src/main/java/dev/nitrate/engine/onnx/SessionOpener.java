package dev.nitrate.engine.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.PackException;

/**
 * Opens ONNX Runtime sessions on the requested device, falling back to the CPU with a stated reason
 * when the CUDA execution provider cannot be loaded.
 */
public final class SessionOpener {

    private static final System.Logger LOG = System.getLogger(SessionOpener.class.getName());

    private final ComputeDevice device;
    private final int intraOpThreads;
    private final boolean spinning;
    private boolean fallbackLogged;

    /**
     * @param device the requested device
     * @param intraOpThreads threads per run; 0 lets ONNX Runtime choose
     */
    public SessionOpener(ComputeDevice device, int intraOpThreads) {
        this(device, intraOpThreads, false);
    }

    /**
     * @param device the requested device
     * @param intraOpThreads threads per run; 0 lets ONNX Runtime choose
     * @param spinning whether ONNX Runtime's workers spin between runs
     */
    public SessionOpener(ComputeDevice device, int intraOpThreads, boolean spinning) {
        this.device = device;
        this.intraOpThreads = intraOpThreads;
        this.spinning = spinning;
    }

    public ComputeDevice requestedDevice() {
        return device;
    }

    /**
     * Opens a session on the graph.
     *
     * @throws PackException naming the graph when ONNX Runtime refuses it
     */
    public GraphSession open(String name, GraphSource source) throws PackException {
        OrtEnvironment env = OrtRuntime.environment();
        OrtSession.SessionOptions options = null;
        OrtSession.RunOptions runOptions = null;
        try {
            ComputeDevice used = ComputeDevice.CPU;
            String fallback = null;
            options = baseOptions();
            if (device instanceof ComputeDevice.Cuda cuda) {
                try {
                    options.addCUDA(cuda.index());
                    used = cuda;
                } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
                    options.close();
                    options = baseOptions();
                    fallback = "CUDA device " + cuda.index() + " could not be used (" + e.getMessage() + "); running on the CPU";
                    if (!fallbackLogged) {
                        fallbackLogged = true;
                        LOG.log(System.Logger.Level.WARNING, fallback, e);
                    }
                }
            }
            OrtSession session = source instanceof GraphSource.FromFile f
                    ? env.createSession(f.path().toString(), options)
                    : env.createSession(((GraphSource.FromBytes) source).bytes(), options);
            runOptions = new OrtSession.RunOptions();
            return new GraphSession(name, session, options, runOptions, used, fallback);
        } catch (OrtException e) {
            if (options != null) {
                options.close();
            }
            if (runOptions != null) {
                runOptions.close();
            }
            throw new PackException(source.displayName() + ": ONNX Runtime cannot load graph " + name + ": " + e.getMessage(), e);
        }
    }

    private OrtSession.SessionOptions baseOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setInterOpNumThreads(1);
        // without the arena, a graph's working tensors go back to the system after its run instead of staying
        // reserved per session: the peak is the largest graph's, not the sum over all graphs
        options.setCPUArenaAllocator(false);
        if (intraOpThreads > 0) {
            options.setIntraOpNumThreads(intraOpThreads);
        }
        if (!spinning) {
            // each session has its own pool; spinning workers between runs take the cores from the Java stages
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
        }
        return options;
    }
}
