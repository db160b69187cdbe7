package org.rgflow.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.rgflow.backend.BlasKernel;

/**
 * Chooses the OpenBLAS kernel ({@link BlasKernel#select()}) in the forked test JVM when the JUnit
 * launcher session opens, before any test class loads ND4J and with it OpenBLAS. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public final class BlasKernelSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        BlasKernel.select();
    }
}
