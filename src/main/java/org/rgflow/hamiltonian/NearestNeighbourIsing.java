package org.rgflow.hamiltonian;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rgflow.lattice.Lattice;

/**
 * Nearest-neighbour Ising model H = -J &Sigma;_{&lt;ij&gt;} s_i s_j - h &Sigma;_i s_i on a periodic
 * hypercubic lattice; each bond counted once. Energy evaluation costs O(N d).
 */
public final class NearestNeighbourIsing implements Hamiltonian {

    private final Lattice lattice;
    private final double couplingJ;
    private final double field;

    private NearestNeighbourIsing(Lattice lattice, double couplingJ, double field) {
        this.lattice = lattice;
        this.couplingJ = couplingJ;
        this.field = field;
    }

    /**
     * @param couplingJ J (finite; positive is ferromagnetic)
     * @param field h (finite)
     */
    public static NearestNeighbourIsing of(Lattice lattice, double couplingJ, double field) {
        if (lattice == null) {
            throw new IllegalArgumentException("lattice must not be null");
        }
        if (!Double.isFinite(couplingJ) || !Double.isFinite(field)) {
            throw new IllegalArgumentException("couplingJ and field must be finite, got J=" + couplingJ + ", h=" + field);
        }
        if (lattice.length() < 3) {
            throw new IllegalArgumentException("nearest-neighbour Ising needs L >= 3 (at L = 2 the two periodic"
                    + " neighbours coincide), got L=" + lattice.length());
        }
        return new NearestNeighbourIsing(lattice, couplingJ, field);
    }

    @Override
    public Lattice lattice() {
        return lattice;
    }

    public double couplingJ() {
        return couplingJ;
    }

    @Override
    public double field() {
        return field;
    }

    @Override
    public String model() {
        return "ising-nn";
    }

    @Override
    public double energy(byte[] spins) {
        int d = lattice.dimension();
        int z = 2 * d;
        int[] nb = lattice.neighbourTable();
        long bonds = 0;
        long magnetisation = 0;
        for (int s = 0; s < spins.length; s++) {
            int si = spins[s];
            magnetisation += si;
            for (int k = 0; k < d; k++) {
                bonds += si * spins[nb[s * z + 2 * k + 1]];
            }
        }
        return -couplingJ * bonds - field * magnetisation;
    }

    /** Sum over each bond once of s_i s_j (the "bond energy" without -J). */
    public long bondSum(byte[] spins) {
        int d = lattice.dimension();
        int z = 2 * d;
        int[] nb = lattice.neighbourTable();
        long bonds = 0;
        for (int s = 0; s < spins.length; s++) {
            int si = spins[s];
            for (int k = 0; k < d; k++) {
                bonds += si * spins[nb[s * z + 2 * k + 1]];
            }
        }
        return bonds;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "nearest-neighbour");
        p.put("couplingJ", couplingJ);
        p.put("field", field);
        return p;
    }

    @Override
    public String toString() {
        return "NearestNeighbourIsing[J=" + couplingJ + ", h=" + field + ", " + lattice + "]";
    }
}
