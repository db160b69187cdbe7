package org.rgflow.testing;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.rgflow.backend.BlasKernel;

class BlasKernelSessionListenerTest {

    @Test
    void theKernelWasChosenBeforeThisTestLoadedNd4j() {
        Nd4j.create(2, 2).mmul(Nd4j.create(2, 2));
        // without the listener, this first select() would find OpenBLAS already loaded
        assertNotEquals(BlasKernel.Source.TOO_LATE, BlasKernel.current().source());
    }
}
