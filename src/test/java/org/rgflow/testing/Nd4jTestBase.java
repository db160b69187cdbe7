package org.rgflow.testing;

import org.junit.jupiter.api.BeforeAll;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Base for tests that use ND4J: fixes the default dtype to DOUBLE (physics precision), as DL4J's
 * own BaseDL4JTest does. Tests never use ND4J's global RNG; they pass explicit seeds.
 */
public abstract class Nd4jTestBase {

    @BeforeAll
    static void configureNd4j() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }
}
