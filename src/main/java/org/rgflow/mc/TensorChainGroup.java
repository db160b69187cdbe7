package org.rgflow.mc;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.rgflow.hamiltonian.NearestNeighbourIsing;

/**
 * One group of {@link TensorMetropolisRule} chains in one tensor: the FLOAT spin tensor
 * [2, H, C, P, ..., P] (see {@link TensorLayout}), two work tensors of one colour's size (neighbour sums
 * or probabilities, and Bernoulli draws), its own ND4J generator, and precomputed views for the ghost
 * copies and shifted sums. {@link #copySpins} reads from a host snapshot taken once after each sweep.
 * Owned by one thread at a time.
 */
final class TensorChainGroup {

    private final NearestNeighbourIsing hamiltonian;
    private final TensorLayout layout;
    private final INDArray spins;
    private final INDArray[] colourBlocks;
    private final INDArray neighbourSum;
    private final INDArray flips;
    private final Random random;
    /** Per colour c: [ghost, source] pairs refreshing the other colour's ghosts read by colour c. */
    private final List<List<INDArray[]>> ghostCopies = new ArrayList<>();
    /** Per colour, per h: the d unshifted partner sub-arrays. */
    private final INDArray[][][] partners;
    /** Per colour: [target, source] pairs of the shifted partner sums. */
    private final List<List<INDArray[]>> shiftedSums = new ArrayList<>();
    private final INDArray[] neighbourViews;
    private float[] snapshot;
    private double polynomialTemperature = Double.NaN;
    private double[] polynomialCoefficients;

    /**
     * @param firstChain global index of this group's chain 0 (its initial state uses
     *     {@code Seeds.chainSeed(seed, firstChain + c)})
     * @param randomSeed seed of the group's ND4J generator
     */
    TensorChainGroup(NearestNeighbourIsing hamiltonian, int firstChain, int numChains, long seed, long randomSeed,
            InitialState start) {
        this.hamiltonian = hamiltonian;
        int d = hamiltonian.lattice().dimension();
        this.layout = new TensorLayout(d, hamiltonian.lattice().length(), numChains);
        float[] data = new float[Math.toIntExact(layout.size())];
        java.util.Arrays.fill(data, 1f);
        for (int c = 0; c < numChains; c++) {
            ChainRandom chainRandom = new ChainRandom(Seeds.chainSeed(seed, firstChain + c));
            byte[] initial = MetropolisChains.initialSpins(layout.siteIndex.length, start, chainRandom);
            for (int s = 0; s < initial.length; s++) {
                data[(int) (layout.siteIndex[s] + c * layout.volume)] = initial[s];
            }
        }
        INDArray flat = Nd4j.create(data, new long[] {data.length}, 'c');
        this.spins = flat.reshape('c', layout.shape());
        long block = layout.perColour * layout.subArraySize();
        this.colourBlocks = new INDArray[] {TensorLayout.range(flat, 0, block), TensorLayout.range(flat, block, 2 * block)};
        this.neighbourSum = Nd4j.zeros(DataType.FLOAT, block);
        this.flips = Nd4j.zeros(DataType.FLOAT, block);
        this.random = Nd4j.getRandomFactory().getNewRandomInstance(randomSeed);
        this.neighbourViews = new INDArray[layout.perColour];
        for (int h = 0; h < layout.perColour; h++) {
            neighbourViews[h] = TensorLayout.range(neighbourSum, h * layout.subArraySize(), (h + 1) * layout.subArraySize());
        }
        this.partners = new INDArray[2][layout.perColour][d];
        for (int colour = 0; colour < 2; colour++) {
            buildColour(flat, colour);
        }
    }

    /** Precomputes the views colour {@code colour} needs: partner sub-arrays, shifted pairs, ghosts. */
    private void buildColour(INDArray flat, int colour) {
        int d = layout.dimension;
        long size = layout.subArraySize();
        List<INDArray[]> shifts = new ArrayList<>();
        List<INDArray[]> ghosts = new ArrayList<>();
        for (int h = 0; h < layout.perColour; h++) {
            int parity = layout.parities[colour][h];
            for (int k = 0; k < d; k++) {
                int[] partner = layout.locate(parity ^ (1 << k));
                long from = layout.subArrayOffset(partner[0], partner[1]);
                partners[colour][h][k] = TensorLayout.range(flat, from, from + size);
                long stride = layout.strides[k];
                INDArray target = neighbourViews[h];
                boolean lowerNeighbour = ((parity >> k) & 1) == 0; // x_k - 1 lies at a_k - 1 of the partner
                if (lowerNeighbour) {
                    shifts.add(new INDArray[] {TensorLayout.range(target, stride, size),
                        TensorLayout.range(flat, from, from + size - stride)});
                    ghosts.add(new INDArray[] {layout.face(spins, partner[0], partner[1], k, 0),
                        layout.face(spins, partner[0], partner[1], k, layout.half)});
                } else {
                    shifts.add(new INDArray[] {TensorLayout.range(target, 0, size - stride),
                        TensorLayout.range(flat, from + stride, from + size)});
                    ghosts.add(new INDArray[] {layout.face(spins, partner[0], partner[1], k, layout.half + 1),
                        layout.face(spins, partner[0], partner[1], k, 1)});
                }
            }
        }
        shiftedSums.add(shifts);
        ghostCopies.add(ghosts);
    }

    void sweep(double temperature) {
        for (int colour = 0; colour < 2; colour++) {
            updateColour(colour, temperature);
        }
        snapshot = null;
    }

    private void updateColour(int colour, double temperature) {
        for (INDArray[] ghost : ghostCopies.get(colour)) {
            ghost[0].assign(ghost[1]);
        }
        for (int h = 0; h < layout.perColour; h++) {
            INDArray[] p = partners[colour][h];
            if (p.length == 1) {
                neighbourViews[h].assign(p[0]);
            } else {
                p[0].add(p[1], neighbourViews[h]);
                for (int k = 2; k < p.length; k++) {
                    neighbourViews[h].addi(p[k]);
                }
            }
        }
        for (INDArray[] pair : shiftedSums.get(colour)) {
            pair[0].addi(pair[1]);
        }
        INDArray s = colourBlocks[colour];
        INDArray b;
        double[] c = polynomial(temperature);
        if (c != null) {
            neighbourSum.muli(s); // y = s n
            int d = c.length - 1;
            neighbourSum.mul(c[d], flips).addi(c[d - 1]); // Horner: p = (..(c_d y + c_{d-1}) y + ..) y + c_0
            for (int k = d - 2; k >= 0; k--) {
                flips.muli(neighbourSum).addi(c[k]);
            }
            b = neighbourSum;
            Nd4j.getExecutioner().exec(new BernoulliDistribution(b, flips), random);
        } else {
            exponentialAcceptance(s, temperature);
            b = flips;
            Nd4j.getExecutioner().exec(new BernoulliDistribution(b, neighbourSum), random);
        }
        b.muli(s);
        Nd4j.getBlasWrapper().level1().axpy(b.length(), -2.0, b, s); // s <- s - 2 b s
    }

    /** neighbourSum &larr; min(1, e^{-&Delta;E/T}) (halved in d = 1). */
    private void exponentialAcceptance(INDArray s, double temperature) {
        double j = hamiltonian.couplingJ();
        double field = hamiltonian.field();
        if (field == 0) {
            neighbourSum.muli(s).muli(-2 * j / temperature);
        } else {
            neighbourSum.muli(j).addi(field).muli(s).muli(-2 / temperature);
        }
        if (layout.dimension == 1) {
            Transforms.min(neighbourSum, 0.0, false);
            neighbourSum.addi(-Math.log(2));
        }
        Transforms.exp(neighbourSum, false);
    }

    private double[] polynomial(double temperature) {
        if (temperature != polynomialTemperature) {
            polynomialTemperature = temperature;
            polynomialCoefficients = TensorAcceptance.coefficients(layout.dimension, hamiltonian.couplingJ(),
                    hamiltonian.field(), temperature);
        }
        return polynomialCoefficients;
    }

    void copySpins(int chain, byte[] out) {
        if (snapshot == null) {
            snapshot = spins.data().asFloat();
        }
        long base = chain * layout.volume;
        for (int site = 0; site < out.length; site++) {
            out[site] = (byte) snapshot[(int) (layout.siteIndex[site] + base)];
        }
    }

    void flipAll(int chain) {
        INDArray flat = spins.reshape(layout.size());
        for (int colour = 0; colour < 2; colour++) {
            for (int h = 0; h < layout.perColour; h++) {
                long from = layout.subArrayOffset(colour, h) + chain * layout.volume;
                TensorLayout.range(flat, from, from + layout.volume).muli(-1);
            }
        }
        snapshot = null;
    }
}
