package org.rgflow.mc;

/** Argument checks and initial states shared by the long-range chain implementations. */
final class LongRangeChainSupport {

    private LongRangeChainSupport() {
    }

    static void checkChains(int numChains, InitialState start) {
        if (numChains < 1) {
            throw new IllegalArgumentException("numChains must be >= 1, got " + numChains);
        }
        if (start == null) {
            throw new IllegalArgumentException("initial state must not be null (RANDOM or ORDERED)");
        }
    }

    static void checkTemperature(double temperature) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0, got " + temperature);
        }
    }

    /** Fills {@code spins} with +1 (ORDERED) or independent fair &plusmn;1 drawn from {@code rng} (RANDOM). */
    static void initialise(byte[] spins, LongRangeRandom rng, InitialState start) {
        long bits = 0;
        for (int i = 0; i < spins.length; i++) {
            if (start == InitialState.ORDERED) {
                spins[i] = 1;
                continue;
            }
            if ((i & 63) == 0) {
                bits = rng.nextLong();
            }
            spins[i] = (byte) ((bits & 1) == 0 ? -1 : 1);
            bits >>>= 1;
        }
    }

    static void copy(byte[] spins, byte[] out) {
        if (out.length != spins.length) {
            throw new IllegalArgumentException("out.length (" + out.length + ") must equal numSites (" + spins.length + ")");
        }
        System.arraycopy(spins, 0, out, 0, spins.length);
    }
}
