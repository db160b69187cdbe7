package org.rgflow.mc;

import java.io.IOException;

/** Receives recorded configurations, e.g. a dataset writer. */
@FunctionalInterface
public interface ConfigurationSink {

    /** @param spins [numSites] &plusmn;1, only valid during the call (copy to keep) */
    void accept(byte[] spins, double temperature) throws IOException;
}
