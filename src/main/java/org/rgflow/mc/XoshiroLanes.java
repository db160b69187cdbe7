package org.rgflow.mc;

/**
 * Many independent xoshiro128++ generators (32-bit; Blackman &amp; Vigna) stored lane-wise in four
 * {@code int} arrays, so a loop that advances lane k at step k is auto-vectorised by HotSpot C2. The
 * samplers inline the step in their hot loops; this class owns and seeds the state.
 */
final class XoshiroLanes {

    final int[] s0;
    final int[] s1;
    final int[] s2;
    final int[] s3;

    /** @param lanes number of lanes; each is seeded by two {@code random.nextLong()} values */
    XoshiroLanes(int lanes, ChainRandom random) {
        s0 = new int[lanes];
        s1 = new int[lanes];
        s2 = new int[lanes];
        s3 = new int[lanes];
        for (int k = 0; k < lanes; k++) {
            long a = random.nextLong();
            long b = random.nextLong();
            s0[k] = (int) a;
            s1[k] = (int) (a >>> 32);
            s2[k] = (int) b;
            s3[k] = (int) (b >>> 32);
            if ((a | b) == 0) {
                s0[k] = 1; // the all-zero state is the generator's one fixed point
            }
        }
    }
}
