package org.rgflow.modelzip;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A vector written by {@code Nd4j.write} (a zip's parameters or updater state), decoded here rather than by
 * {@code Nd4j.read}, which allocates and shapes the array as the file's headers say. Layout: a shape buffer
 * (allocation mode, length, "LONG", then rank, shape, strides, extras, element stride, order) and a data buffer
 * (mode, length, "FLOAT" or "DOUBLE", then the values, big-endian). The vector must have exactly the length the
 * configuration needs, and the entry must end with its values.
 */
final class Nd4jArrayEntry {

    /** Allocation modes whose buffer length is an int; LONG_SHAPE and MIXED_DATA_TYPES write a long. */
    private static final List<String> INT_LENGTH_MODES = List.of("DIRECT", "HEAP", "JAVACPP");
    private static final List<String> LONG_LENGTH_MODES = List.of("LONG_SHAPE", "MIXED_DATA_TYPES");
    /** Room for both buffer headers and a rank-2 shape buffer. */
    private static final int MAX_HEADER_BYTES = 256;

    private Nd4jArrayEntry() {
    }

    /** The largest entry a vector of {@code length} values can be (in double precision). */
    static long maxBytes(long length) {
        return MAX_HEADER_BYTES + Double.BYTES * length;
    }

    /**
     * Decodes {@code bytes} as a vector ([n] or [1, n]) of exactly {@code length} FLOAT or DOUBLE values.
     *
     * @param length at most {@link Integer#MAX_VALUE} / 8
     */
    static INDArray read(Path zip, String entry, byte[] bytes, long length) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            long[] shape = vectorShape(zip, entry, shapeBuffer(zip, entry, in), length);
            Header data = Header.read(in);
            int size = switch (data.dtype()) {
                case "FLOAT" -> Float.BYTES;
                case "DOUBLE" -> Double.BYTES;
                default -> throw new ModelZipException(zip, entry, "holds " + ModelZipException.printable(data.dtype())
                        + " values, not FLOAT or DOUBLE");
            };
            if (data.length() != length) {
                throw new ModelZipException(zip, entry, "holds " + data.length() + " values; the configuration needs "
                        + length);
            }
            if (in.available() != length * size) {
                throw new ModelZipException(zip, entry, "has " + in.available() + " bytes of values; " + length + " "
                        + data.dtype() + " values take " + length * size);
            }
            return create(ByteBuffer.wrap(bytes, bytes.length - in.available(), in.available()), size, shape);
        } catch (IOException e) {
            throw new ModelZipException(zip, entry, "is not an ND4J array (" + ModelZipException.firstLine(e) + ")");
        }
    }

    private static long[] shapeBuffer(Path zip, String entry, DataInputStream in) throws IOException {
        Header h = Header.read(in);
        if (!h.dtype().equals("LONG") || h.length() != 6 && h.length() != 8) {
            throw new ModelZipException(zip, entry, "has a shape buffer of " + h.length() + " "
                    + ModelZipException.printable(h.dtype()) + " values, not that of a vector");
        }
        long[] info = new long[(int) h.length()];
        for (int i = 0; i < info.length; i++) {
            info[i] = in.readLong();
        }
        return info;
    }

    /** [n] or [1, n] from a shape buffer of rank 1 (6 values) or 2 (8 values), n = {@code length}. */
    private static long[] vectorShape(Path zip, String entry, long[] info, long length) {
        long[] shape = info[0] == 1 && info.length == 6 ? new long[] {info[1]}
                : info[0] == 2 && info.length == 8 && info[1] == 1 ? new long[] {1, info[2]} : null;
        if (shape == null || shape[shape.length - 1] != length) {
            throw new ModelZipException(zip, entry, "is not a vector of " + length + " values (rank " + info[0]
                    + ", first extent " + info[1] + ")");
        }
        return shape;
    }

    private static INDArray create(ByteBuffer values, int size, long[] shape) {
        int n = values.remaining() / size;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            if (size == Float.BYTES) {
                float[] v = new float[n];
                values.asFloatBuffer().get(v);
                return Nd4j.create(v, shape, 'c');
            }
            double[] v = new double[n];
            values.asDoubleBuffer().get(v);
            return Nd4j.create(v, shape, 'c');
        }
    }

    /** One buffer header: allocation mode, length, data type. */
    private record Header(long length, String dtype) {

        static Header read(DataInputStream in) throws IOException {
            String mode = in.readUTF();
            long length;
            if (INT_LENGTH_MODES.contains(mode)) {
                length = in.readInt();
            } else if (LONG_LENGTH_MODES.contains(mode)) {
                length = in.readLong();
            } else {
                throw new IOException("unknown allocation mode '" + ModelZipException.printable(mode) + "'");
            }
            return new Header(length, in.readUTF());
        }
    }
}
