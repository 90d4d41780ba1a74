package dev.nitrate.engine.flow;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import java.util.Locale;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_video.DISOpticalFlow;

/**
 * Dense optical flow between two 8-bit luma images of one size (OpenCV's DIS). The result at a pixel
 * {@code p} of {@code from} is the displacement {@code d} with {@code from(p) ~ to(p + d)}.
 * Owns its native objects; not thread-safe.
 */
final class DisFlow implements AutoCloseable {

    private final int width;
    private final int height;
    private final DISOpticalFlow dis;
    private final Mat from;
    private final Mat to;
    private final Mat flow;

    DisFlow(String preset, int width, int height) {
        this.width = width;
        this.height = height;
        this.dis = DISOpticalFlow.create(switch (preset.toLowerCase(Locale.ROOT)) {
            case "ultrafast" -> DISOpticalFlow.PRESET_ULTRAFAST;
            case "fast" -> DISOpticalFlow.PRESET_FAST;
            case "medium" -> DISOpticalFlow.PRESET_MEDIUM;
            default -> throw new IllegalArgumentException("unknown DIS preset " + preset);
        });
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
        dis.calc(from, to, flow);
        if (flow.cols() != width || flow.rows() != height || !flow.isContinuous()) {
            throw new IllegalStateException("DIS returned a " + flow.cols() + "x" + flow.rows() + " flow");
        }
        try (FloatPointer values = new FloatPointer(flow.data())) {
            values.get(out);
        }
    }

    @Override
    public void close() {
        flow.close();
        to.close();
        from.close();
        dis.close();
    }
}
