package org.rgflow.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rgflow.provenance.AtomicFiles;

/**
 * NumPy {@code .npy} files of ND4J arrays. {@code Nd4j.writeAsNumpy} writes the underlying buffer
 * and ignores the strides of views (a transposed view comes out in the wrong element order), so
 * arrays are first copied to C order. Writes are atomic (temporary file, then rename).
 */
final class NpyArrays {

    private NpyArrays() {
    }

    /** Writes {@code array} (any dtype, any rank &ge; 1) to {@code target} as C-ordered .npy. */
    static void write(INDArray array, Path target) throws IOException {
        Path tmp = AtomicFiles.temporaryFor(target);
        Files.deleteIfExists(tmp);
        Nd4j.writeAsNumpy(array.dup('c'), tmp.toFile());
        AtomicFiles.commit(tmp, target);
    }

    /** Reads a .npy file written by {@link #write} or by {@code numpy.save}. */
    static INDArray read(Path file) {
        return Nd4j.createFromNpyFile(file.toFile());
    }
}
