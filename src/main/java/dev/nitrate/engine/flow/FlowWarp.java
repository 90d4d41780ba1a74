package dev.nitrate.engine.flow;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Brings a flow field computed at the flow size to the frame's size and samples planes along it
 * (OpenCV resize and remap, bilinear, edges repeated). Owns its native buffers; not thread-safe.
 */
final class FlowWarp implements AutoCloseable {

    private final int width;
    private final int height;
    private final int flowWidth;
    private final int flowHeight;
    private final Size frameSize;
    private final Mat grid;
    private final Mat smallFlow;
    private final Mat smallWeight;
    private final Mat fullFlow;
    private final Mat map;
    private final Mat fullWeight;
    private final Mat source;
    private final Mat warped;
    private final Mat noMap;
    private final Scalar border;
    private final float[] scaled;

    FlowWarp(int width, int height, int flowWidth, int flowHeight) {
        this.width = width;
        this.height = height;
        this.flowWidth = flowWidth;
        this.flowHeight = flowHeight;
        this.frameSize = new Size(width, height);
        this.grid = new Mat(height, width, CV_32FC2);
        float[] xy = new float[2 * width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                xy[2 * (y * width + x)] = x;
                xy[2 * (y * width + x) + 1] = y;
            }
        }
        put(grid, xy);
        this.smallFlow = new Mat(flowHeight, flowWidth, CV_32FC2);
        this.smallWeight = new Mat(flowHeight, flowWidth, CV_32FC1);
        this.fullFlow = new Mat(height, width, CV_32FC2);
        this.map = new Mat(height, width, CV_32FC2);
        this.fullWeight = new Mat(height, width, CV_32FC1);
        this.source = new Mat(height, width, CV_32FC1);
        this.warped = new Mat(height, width, CV_32FC1);
        this.noMap = new Mat();
        this.border = new Scalar(0.0);
        this.scaled = new float[2 * flowWidth * flowHeight];
    }

    /**
     * Sets the field to sample along: {@code flow} (interleaved dx, dy at the flow size, in flow pixels) and its
     * per-pixel {@code weight} at the flow size; the weight brought to the frame's size goes into {@code fullWeightOut}.
     */
    void setField(float[] flow, float[] weight, float[] fullWeightOut) {
        float sx = (float) width / flowWidth;
        float sy = (float) height / flowHeight;
        for (int i = 0; i < scaled.length; i += 2) {
            scaled[i] = flow[i] * sx;
            scaled[i + 1] = flow[i + 1] * sy;
        }
        put(smallFlow, scaled);
        put(smallWeight, weight);
        if (flowWidth == width && flowHeight == height) {
            smallFlow.copyTo(fullFlow);
            smallWeight.copyTo(fullWeight);
        } else {
            opencv_imgproc.resize(smallFlow, fullFlow, frameSize, 0, 0, INTER_LINEAR);
            opencv_imgproc.resize(smallWeight, fullWeight, frameSize, 0, 0, INTER_LINEAR);
        }
        opencv_core.add(fullFlow, grid, map);
        get(fullWeight, fullWeightOut);
    }

    /** {@code out(p) = plane(p + flow(p))} for the field last set. */
    void sample(float[] plane, float[] out) {
        put(source, plane);
        opencv_imgproc.remap(source, warped, map, noMap, INTER_LINEAR, BORDER_REPLICATE, border);
        get(warped, out);
    }

    private static void put(Mat mat, float[] values) {
        try (FloatPointer data = new FloatPointer(mat.data())) {
            data.put(values);
        }
    }

    private static void get(Mat mat, float[] values) {
        try (FloatPointer data = new FloatPointer(mat.data())) {
            data.get(values);
        }
    }

    @Override
    public void close() {
        for (Mat m : new Mat[] {grid, smallFlow, smallWeight, fullFlow, map, fullWeight, source, warped, noMap}) {
            m.close();
        }
        border.close();
        frameSize.close();
    }
}
