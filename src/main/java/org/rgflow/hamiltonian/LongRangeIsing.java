package org.rgflow.hamiltonian;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rgflow.lattice.Lattice;

/**
 * Long-range Ising model on the periodic hypercubic lattice Z_L^d (d = 1, 2, 3):
 * \[ H = -\sum_{i&lt;j} J_L(\Delta_{ij})\, s_i s_j - h \sum_i s_i,\qquad J(r) = J / r^{d+\sigma},\ \sigma &gt; 0, \]
 * where &Delta;_ij = {@link Lattice#displacement}(i, j) and J_L is made periodic by a
 * {@link PeriodicSum} convention (default {@link PeriodicSum#IMAGE_SUM}; tables by
 * {@link LongRangeCouplings}). Each unordered pair is counted once; equivalently
 * H = -&frac12; &Sigma;_i s_i (J &lowast; s)_i - h M, a convolution on the torus.
 *
 * <p>Cost: construction O(N) couplings (see {@link LongRangeCouplings}) plus one FFT;
 * {@link #energy} O(N d log L) by FFT ({@link #energyFourier}) above {@value #DIRECT_MAX_SITES} sites,
 * the O(N&sup2;) direct double sum ({@link #energyDirect}) below. Memory O(N). Immutable, thread-safe.
 *
 * <p>References: E. Luijten and H. W. J. Bl&ouml;te, Int. J. Mod. Phys. C 6, 359 (1995);
 * K. Fukui and S. Todo, J. Comput. Phys. 228, 2629 (2009).
 */
public final class LongRangeIsing implements Hamiltonian {

    /** Largest N at which {@link #energy} uses the direct double sum (it is faster there than the FFT). */
    static final int DIRECT_MAX_SITES = 64;

    private final Lattice lattice;
    private final double couplingJ;
    private final double sigma;
    private final double field;
    private final PeriodicSum periodicSum;
    private final double[] coupling;
    private final double totalCoupling;
    private final LongRangeFourier fourier;

    private LongRangeIsing(Lattice lattice, double couplingJ, double sigma, double field, PeriodicSum periodicSum) {
        this.lattice = lattice;
        this.couplingJ = couplingJ;
        this.sigma = sigma;
        this.field = field;
        this.periodicSum = periodicSum;
        double[] unit = LongRangeCouplings.table(lattice, sigma, periodicSum);
        double total = 0;
        for (int k = 0; k < unit.length; k++) {
            unit[k] *= couplingJ;
            total += unit[k];
        }
        this.coupling = unit;
        this.totalCoupling = total;
        this.fourier = new LongRangeFourier(lattice.dimension(), lattice.length(), unit);
    }

    /** Image-summed couplings ({@link PeriodicSum#IMAGE_SUM}). */
    public static LongRangeIsing of(Lattice lattice, double couplingJ, double sigma, double field) {
        return of(lattice, couplingJ, sigma, field, PeriodicSum.IMAGE_SUM);
    }

    /**
     * @param couplingJ J (finite; positive is ferromagnetic)
     * @param sigma &sigma; &gt; 0, the decay J(r) = J / r^(d+&sigma;)
     * @param field h (finite)
     * @param periodicSum how couplings are made periodic
     */
    public static LongRangeIsing of(Lattice lattice, double couplingJ, double sigma, double field,
            PeriodicSum periodicSum) {
        if (lattice == null || periodicSum == null) {
            throw new IllegalArgumentException("lattice and periodicSum must not be null");
        }
        if (!Double.isFinite(couplingJ) || !Double.isFinite(field)) {
            throw new IllegalArgumentException("couplingJ and field must be finite, got J=" + couplingJ + ", h=" + field);
        }
        LongRangeCouplings.checkSigma(sigma);
        return new LongRangeIsing(lattice, couplingJ, sigma, field, periodicSum);
    }

    @Override
    public Lattice lattice() {
        return lattice;
    }

    @Override
    public String model() {
        return "ising-lr";
    }

    public double couplingJ() {
        return couplingJ;
    }

    public double sigma() {
        return sigma;
    }

    @Override
    public double field() {
        return field;
    }

    public PeriodicSum periodicSum() {
        return periodicSum;
    }

    /** J_L(&Delta;) including the factor J; 0 at &Delta; = 0. @param displacement site index in [0, numSites) */
    public double coupling(int displacement) {
        return coupling[displacement];
    }

    /** Copy of the table J_L(&Delta;). @return [numSites], indexed by displacement, entry 0 equal to 0 */
    public double[] couplings() {
        return coupling.clone();
    }

    /**
     * &Sigma;_&Delta; J_L(&Delta;), the total coupling of one spin to all others. For image-summed couplings it
     * equals J S_&infin;(&sigma;) (1 - L^-(d+&sigma;)) exactly.
     */
    public double totalCoupling() {
        return totalCoupling;
    }

    /** Mean-field critical temperature of this finite lattice, T_MF = &Sigma;_&Delta; J_L(&Delta;) (k_B = 1). */
    public double meanFieldTemperature() {
        return totalCoupling;
    }

    /**
     * Mean-field critical temperature of the infinite lattice, J S_&infin;(&sigma;): an upper bound on T_c.
     * For d = 2, &sigma; = 1.5 it is 7.0100 J against T_c &asymp; 5.58 J.
     */
    public double meanFieldTemperatureInfinite() {
        return couplingJ * LongRangeCouplings.latticeSum(lattice.dimension(), sigma);
    }

    @Override
    public double energy(byte[] spins) {
        return spins.length <= DIRECT_MAX_SITES ? energyDirect(spins) : energyFourier(spins);
    }

    /** H(s) by the convolution theorem, O(N d log L). @param spins [numSites], &plusmn;1 */
    public double energyFourier(byte[] spins) {
        checkLength(spins);
        return -0.5 * fourier.quadraticForm(spins) - field * magnetisation(spins);
    }

    /** H(s) by the direct sum over pairs i &lt; j, O(N&sup2;): the reference for small N. @param spins [numSites], &plusmn;1 */
    public double energyDirect(byte[] spins) {
        checkLength(spins);
        int n = spins.length;
        int d = lattice.dimension();
        int length = lattice.length();
        double bonds = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = i + 1; j < n; j++) {
                row += coupling[displacementIndex(i, j, d, length)] * spins[j];
            }
            bonds += spins[i] * row;
        }
        return -bonds - field * magnetisation(spins);
    }

    /** {@link Lattice#displacement} without allocation: row-major index of (x_j - x_i) mod L. */
    private static int displacementIndex(int i, int j, int d, int length) {
        int index = 0;
        int scale = 1;
        for (int k = 0; k < d; k++) {
            int diff = j % length - i % length;
            index += (diff < 0 ? diff + length : diff) * scale;
            scale *= length;
            i /= length;
            j /= length;
        }
        return index;
    }

    private void checkLength(byte[] spins) {
        if (spins.length != coupling.length) {
            throw new IllegalArgumentException("spins.length (" + spins.length + ") must equal lattice.numSites() ("
                    + coupling.length + ")");
        }
    }

    private static long magnetisation(byte[] spins) {
        long m = 0;
        for (byte s : spins) {
            m += s;
        }
        return m;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "long-range");
        p.put("couplingJ", couplingJ);
        p.put("field", field);
        p.put("sigma", sigma);
        p.put("periodicSum", periodicSum.id());
        return p;
    }

    @Override
    public String toString() {
        return "LongRangeIsing[J=" + couplingJ + ", sigma=" + sigma + ", h=" + field + ", " + periodicSum.id() + ", "
                + lattice + "]";
    }
}
