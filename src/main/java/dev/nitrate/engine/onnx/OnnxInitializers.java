package dev.nitrate.engine.onnx;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the float initializers (weights) of a small ONNX graph: a minimal protobuf scan of
 * {@code ModelProto.graph.initializer}. Tensors stored outside the file are skipped.
 */
public final class OnnxInitializers {

    private static final int FLOAT = 1;

    /** One float weight tensor. */
    public record Initializer(String name, long[] dims, float[] values) {}

    private OnnxInitializers() {}

    /** Float initializers by name, in file order. */
    public static Map<String, Initializer> read(GraphSource source) throws IOException {
        byte[] bytes = source instanceof GraphSource.FromFile f ? Files.readAllBytes(f.path()) : ((GraphSource.FromBytes) source).bytes();
        Map<String, Initializer> out = new LinkedHashMap<>();
        ByteBuffer model = ByteBuffer.wrap(bytes);
        while (model.hasRemaining()) {
            long tag = varint(model);
            if ((tag >>> 3) == 7 && (tag & 7) == 2) {
                ByteBuffer graph = slice(model);
                while (graph.hasRemaining()) {
                    long gtag = varint(graph);
                    if ((gtag >>> 3) == 5 && (gtag & 7) == 2) {
                        Initializer init = tensor(slice(graph));
                        if (init != null) {
                            out.put(init.name(), init);
                        }
                    } else {
                        skip(graph, (int) (gtag & 7));
                    }
                }
            } else {
                skip(model, (int) (tag & 7));
            }
        }
        return out;
    }

    private static Initializer tensor(ByteBuffer t) throws IOException {
        List<Long> dims = new ArrayList<>();
        int type = 0;
        String name = "";
        ByteBuffer raw = null;
        List<Float> floats = new ArrayList<>();
        while (t.hasRemaining()) {
            long tag = varint(t);
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (field == 1 && wire == 0) {
                dims.add(varint(t));
            } else if (field == 1 && wire == 2) {
                ByteBuffer packed = slice(t);
                while (packed.hasRemaining()) {
                    dims.add(varint(packed));
                }
            } else if (field == 2 && wire == 0) {
                type = (int) varint(t);
            } else if (field == 4 && wire == 2) {
                ByteBuffer packed = slice(t).order(ByteOrder.LITTLE_ENDIAN);
                while (packed.hasRemaining()) {
                    floats.add(packed.getFloat());
                }
            } else if (field == 8 && wire == 2) {
                ByteBuffer s = slice(t);
                byte[] b = new byte[s.remaining()];
                s.get(b);
                name = new String(b, StandardCharsets.UTF_8);
            } else if (field == 9 && wire == 2) {
                raw = slice(t);
            } else {
                skip(t, wire);
            }
        }
        if (type != FLOAT) {
            return null;
        }
        long count = 1;
        long[] d = new long[dims.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = dims.get(i);
            count *= d[i];
        }
        float[] values = new float[(int) count];
        if (raw != null && raw.remaining() == count * 4) {
            raw.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        } else if (floats.size() == count) {
            for (int i = 0; i < values.length; i++) {
                values[i] = floats.get(i);
            }
        } else {
            return null;
        }
        return new Initializer(name, d, values);
    }

    private static ByteBuffer slice(ByteBuffer b) throws IOException {
        int n = (int) varint(b);
        if (n < 0 || n > b.remaining()) {
            throw new EOFException("truncated ONNX model");
        }
        ByteBuffer s = b.slice(b.position(), n);
        b.position(b.position() + n);
        return s;
    }

    private static void skip(ByteBuffer b, int wire) throws IOException {
        switch (wire) {
            case 0 -> varint(b);
            case 1 -> b.position(b.position() + 8);
            case 2 -> slice(b);
            case 5 -> b.position(b.position() + 4);
            default -> throw new IOException("not an ONNX model (protobuf wire type " + wire + ")");
        }
    }

    private static long varint(ByteBuffer b) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!b.hasRemaining()) {
                throw new EOFException("truncated ONNX model");
            }
            int x = b.get() & 0xFF;
            value |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("not an ONNX model (bad varint)");
    }
}
