package dev.nitrate.engine.onnx;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the operator-set imports of an ONNX model without loading it: a minimal protobuf scan of
 * {@code ModelProto.opset_import} (field 8) that skips the graph and its weights.
 */
public final class OnnxOpsets {

    private OnnxOpsets() {}

    /** Opset version by domain ({@code ""} is the default ONNX domain). */
    public static Map<String, Long> read(GraphSource source) throws IOException {
        try (InputStream in = open(source)) {
            return readModel(in);
        }
    }

    private static InputStream open(GraphSource source) throws IOException {
        if (source instanceof GraphSource.FromFile f) {
            return new BufferedInputStream(Files.newInputStream(f.path()), 1 << 16);
        }
        return new ByteArrayInputStream(((GraphSource.FromBytes) source).bytes());
    }

    private static Map<String, Long> readModel(InputStream in) throws IOException {
        Map<String, Long> opsets = new HashMap<>();
        while (true) {
            long tag = readVarint(in, true);
            if (tag < 0) {
                return opsets;
            }
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (field == 8 && wire == 2) {
                byte[] entry = in.readNBytes((int) readVarint(in, false));
                readOpset(entry, opsets);
            } else {
                skip(in, wire);
            }
        }
    }

    private static void readOpset(byte[] entry, Map<String, Long> opsets) throws IOException {
        InputStream in = new ByteArrayInputStream(entry);
        String domain = "";
        long version = 0;
        while (true) {
            long tag = readVarint(in, true);
            if (tag < 0) {
                break;
            }
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (field == 1 && wire == 2) {
                domain = new String(in.readNBytes((int) readVarint(in, false)), StandardCharsets.UTF_8);
            } else if (field == 2 && wire == 0) {
                version = readVarint(in, false);
            } else {
                skip(in, wire);
            }
        }
        opsets.merge(domain, version, Math::max);
    }

    private static void skip(InputStream in, int wire) throws IOException {
        switch (wire) {
            case 0 -> readVarint(in, false);
            case 1 -> skipBytes(in, 8);
            case 2 -> skipBytes(in, readVarint(in, false));
            case 5 -> skipBytes(in, 4);
            default -> throw new IOException("not an ONNX model (protobuf wire type " + wire + ")");
        }
    }

    private static void skipBytes(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("truncated ONNX model");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static long readVarint(InputStream in, boolean eofAllowed) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.read();
            if (b < 0) {
                if (eofAllowed && shift == 0) {
                    return -1;
                }
                throw new EOFException("truncated ONNX model");
            }
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("not an ONNX model (bad varint)");
    }
}
