package org.rgflow.backend;

import com.sun.jna.NativeLibrary;

/**
 * Sets a variable in this process's C environment (glibc {@code setenv} through JNA). Native
 * libraries loaded afterwards see it through {@code getenv}; Java's {@link System#getenv()} and
 * child processes started by Java do not (they use the JVM's copy taken at start-up).
 */
final class NativeEnvironment {

    private NativeEnvironment() {
    }

    /** Sets {@code name=value} (overwriting); false if libc refused or could not be called. */
    static boolean setenv(String name, String value) {
        try {
            return NativeLibrary.getInstance("c").getFunction("setenv").invokeInt(new Object[] {name, value, 1}) == 0;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }
}
