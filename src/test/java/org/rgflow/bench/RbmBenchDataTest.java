package org.rgflow.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rgflow.data.DatasetException;
import org.rgflow.data.NpyHeader;
import org.rgflow.testing.Nd4jTestBase;

class RbmBenchDataTest extends Nd4jTestBase {

    @TempDir
    Path dir;

    private static byte[] pattern(int rows, int columns) {
        byte[] d = new byte[rows * columns];
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) ((i * 7 + i / columns) % 3 == 0 ? 1 : 0);
        }
        return d;
    }

    @Test
    void fileNameNamesEveryParameter() {
        String name = RbmBenchData.fileName(32, 10_000, 42);
        assertEquals("ising2d-L32-T2.269185-wolff-c16-th2000-n10000-seed42-v1.npy", name);
    }

    @Test
    void writtenFileHasNumpysUint8HeaderAndReadsBack() throws Exception {
        Path f = dir.resolve("a.npy");
        byte[] data = pattern(30, 16);
        RbmBenchData.write(f, data, 30, 16);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            NpyHeader h = NpyHeader.read(ch, f.toString());
            assertEquals("|u1", h.descr());
            assertFalse(h.fortranOrder());
            assertArrayEquals(new long[] {30, 16}, h.shape());
            assertEquals(0, h.headerLength() % NpyHeader.ALIGN);
            assertEquals(h.headerLength() + 30 * 16, Files.size(f));
        }
        assertArrayEquals(data, RbmBenchData.read(f, 30, 16));
        assertEquals(count(data), RbmBenchData.ones(data));
    }

    private static long count(byte[] d) {
        long n = 0;
        for (byte b : d) {
            n += b == 1 ? 1 : 0;
        }
        return n;
    }

    @Test
    void numpyLoadsTheFileAsUint8ZeroOneRows() throws Exception {
        assumeTrue(PythonTools.canImport("python3", "numpy"), "python3 with numpy not available");
        Path f = dir.resolve("b.npy");
        byte[] data = pattern(25, 64);
        RbmBenchData.write(f, data, 25, 64);
        PythonTools.Result r = PythonTools.run("python3", "import sys, numpy as np\n"
                + "a = np.load(sys.argv[1])\n"
                + "print(a.dtype, a.shape, int(a.sum()), sorted(set(a.ravel().tolist())), int(a[3, 5]))",
                PythonTools.path(f));
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("uint8 (25, 64) " + count(data) + " [0, 1] " + data[3 * 64 + 5], r.output().strip());
    }

    @Test
    void readRejectsWrongShapeValuesAndTruncation() throws Exception {
        Path f = dir.resolve("c.npy");
        byte[] data = pattern(10, 4);
        RbmBenchData.write(f, data, 10, 4);
        assertThrows(DatasetException.class, () -> RbmBenchData.read(f, 10, 9));
        assertThrows(DatasetException.class, () -> RbmBenchData.read(f, 11, 4));
        data[5] = 2;
        RbmBenchData.write(f, data, 10, 4);
        assertThrows(DatasetException.class, () -> RbmBenchData.read(f, 10, 4));
        data[5] = 1;
        RbmBenchData.write(f, data, 10, 4);
        Files.write(f, Arrays.copyOf(Files.readAllBytes(f), (int) Files.size(f) - 3));
        assertThrows(DatasetException.class, () -> RbmBenchData.read(f, 10, 4));
    }

    @Test
    void samplingIsSeededAndGivesZeroOneRows() {
        byte[] a = new byte[40 * 16];
        byte[] b = new byte[40 * 16];
        RbmBenchData.sample(4, 40, 7, a);
        RbmBenchData.sample(4, 40, 7, b);
        assertArrayEquals(a, b);
        long ones = RbmBenchData.ones(a);
        assertTrue(ones > 0 && ones < a.length, "both spin values occur: " + ones);
        for (byte x : a) {
            assertTrue(x == 0 || x == 1);
        }
    }

    @Test
    void prepareSamplesOnceThenReusesAndReplacesADamagedFile() throws Exception {
        RbmBenchData.Prepared first = RbmBenchData.prepare(dir, 4, 30, 11);
        assertTrue(first.note().startsWith("sampled"), first.note());
        byte[] rows = RbmBenchData.read(first.file(), 30, 16);
        RbmBenchData.Prepared second = RbmBenchData.prepare(dir, 4, 30, 11);
        assertTrue(second.note().startsWith("reused"), second.note());
        Files.writeString(first.file(), "not an npy file");
        RbmBenchData.Prepared third = RbmBenchData.prepare(dir, 4, 30, 11);
        assertTrue(third.note().startsWith("sampled"), third.note());
        assertArrayEquals(rows, RbmBenchData.read(third.file(), 30, 16));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void featuresAreFloatZeroOneInRowOrder() {
        byte[] data = pattern(3, 4);
        INDArray f = RbmBenchData.features(data, 3, 4);
        assertEquals(DataType.FLOAT, f.dataType());
        assertArrayEquals(new long[] {3, 4}, f.shape());
        assertEquals(data[1 * 4 + 2], f.getFloat(1, 2));
    }
}
