package dev.nitrate.engine.flow;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_video.DISOpticalFlow;

/**
 * Dense optical flow between two 8-bit luma images of one size (OpenCV's DIS). The result at a pixel
 * {@code p} of {@code from} is the displacement {@code d} with {@code from(p) ~ to(p + d)}.
 * Owns its native objects; not thread-safe.
 */
final class DisFlow implements AutoCloseable {

    private final int width;
    private final int height;
    /**
     * DIS objects that colorizers have finished with, by preset. Closing a DIS object through JavaCPP and
     * creating another crashes OpenCV 4.14 (a double free in the {@code cv::Ptr} it came in), so they are
     * never freed but handed to the next colorizer; there are as many as colorizers ever ran at once.
     */
    private static final Map<Integer, Deque<DISOpticalFlow>> IDLE = new HashMap<>();

    static {
        OpenCvNatives.load();
    }

    /** DIS starts from what its output matrix holds: zero it, so that a flow depends on its two images alone. */
    private static final Scalar ZERO = new Scalar(0.0);

    private final int preset;
    private final DISOpticalFlow dis;
    private final Mat from;
    private final Mat to;
    private final Mat flow;

    DisFlow(String preset, int width, int height) {
        this.width = width;
        this.height = height;
        this.preset = switch (preset.toLowerCase(Locale.ROOT)) {
            case "ultrafast" -> DISOpticalFlow.PRESET_ULTRAFAST;
            case "fast" -> DISOpticalFlow.PRESET_FAST;
            case "medium" -> DISOpticalFlow.PRESET_MEDIUM;
            default -> throw new IllegalArgumentException("unknown DIS preset " + preset);
        };
        this.dis = acquire(this.preset);
        this.from = new Mat(height, width, CV_8UC1);
        this.to = new Mat(height, width, CV_8UC1);
        this.flow = new Mat(height, width, CV_32FC2);
    }

    /**
     * Fills {@code out} (interleaved dx, dy per pixel, row-major, {@code 2 * width * height} floats) with the
     * flow from {@code fromLuma} to {@code toLuma}.
     */
    void compute(byte[] fromLuma, byte[] toLuma, float[] out) {
        if (fromLuma.length != width * height || toLuma.length != width * height || out.length != 2 * width * height) {
            throw new IllegalArgumentException("flow buffers do not match " + width + "x" + height);
        }
        from.data().put(fromLuma);
        to.data().put(toLuma);
        flow.put(ZERO);
        dis.calc(from, to, flow);
        if (flow.cols() != width || flow.rows() != height || !flow.isContinuous()) {
            throw new IllegalStateException("DIS returned a " + flow.cols() + "x" + flow.rows() + " flow");
        }
        try (FloatPointer values = new FloatPointer(flow.data())) {
            values.get(out);
        }
    }

    private static synchronized DISOpticalFlow acquire(int preset) {
        DISOpticalFlow idle = IDLE.computeIfAbsent(preset, p -> new ArrayDeque<>()).pollFirst();
        return idle != null ? idle : DISOpticalFlow.create(preset);
    }

    private static synchronized void release(int preset, DISOpticalFlow dis) {
        IDLE.get(preset).addFirst(dis);
    }

    @Override
    public void close() {
        flow.close();
        to.close();
        from.close();
        release(preset, dis);
    }
}
