package dev.nitrate.engine.attention;

import ai.onnxruntime.OrtException;

/** A plain-Java local-attention kernel that replaces a pack's {@code local_attention} graph (checked against it at load). */
public sealed interface WindowKernel permits WindowAttention, DistanceWindowAttention {

    /**
     * Attention of the query key {@code [CK, h*w]} over the memory key {@code [CK, h*w]} and the
     * element-major memory values {@code [h*w, C]}; returns {@code [C, h*w]}.
     */
    float[] compute(float[] query, float[] key, float[] valueByElement, int h, int w) throws OrtException;
}
