package org.rgflow.testing;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;

/** Classes whose deserialization or initialisation leaves a mark, standing in for an attacker's gadgets. */
public final class Tripwires {

    /** Set when a {@link Gadget} is deserialized. */
    public static final AtomicBoolean DESERIALIZED = new AtomicBoolean();
    /** Set when {@link InitialisationGadget} is initialised. */
    public static final AtomicBoolean INITIALISED = new AtomicBoolean();
    /** The name of {@link InitialisationGadget}, never referenced as a class literal here (that would load it). */
    public static final String INITIALISATION_GADGET = "org.rgflow.testing.Tripwires$InitialisationGadget";

    private Tripwires() {
    }

    /** A preprocessor whose {@code readObject} has a side effect. */
    public static final class Gadget implements DataSetPreProcessor, Serializable {

        private static final long serialVersionUID = 1L;

        @Override
        public void preProcess(DataSet toPreProcess) {
            // never used
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            DESERIALIZED.set(true);
        }
    }

    /** A class whose static initialiser has a side effect. */
    public static final class InitialisationGadget {

        static {
            INITIALISED.set(true);
        }

        private InitialisationGadget() {
        }
    }
}
