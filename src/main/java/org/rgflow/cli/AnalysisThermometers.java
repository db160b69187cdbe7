package org.rgflow.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.provenance.Manifest;
import org.rgflow.thermometer.Thermometer;

/**
 * The thermometers of an analysis whose lattices shrink (block RG): at most one per lattice size of the steps, all
 * over the same temperatures ({@link AnalysisInputs#thermometers}), with their manifest sections. One thermometer is
 * recorded as {@code thermometer} (as in {@code analyze flow}), several as {@code thermometers}.
 */
record AnalysisThermometers(List<Thermometer> thermometers, List<Map<String, Object>> sections) {

    /** Thermometers for the {@code steps} block-RG steps (block size b) of {@code lattice}: L, L/b, &hellip; */
    static AnalysisThermometers forBlockRg(List<Path> dirs, HypercubicLattice lattice, int b, int steps)
            throws IOException {
        List<Integer> sizes = new ArrayList<>();
        for (int k = 0, l = lattice.length(); k <= steps; k++, l /= b) {
            sizes.add((int) Math.pow(l, lattice.dimension()));
        }
        return load(dirs, sizes);
    }

    /** Loads {@code dirs}, each trained for one of {@code sizes} (numbers of sites). */
    static AnalysisThermometers load(List<Path> dirs, List<Integer> sizes) throws IOException {
        List<Thermometer> ts = AnalysisInputs.thermometers(dirs, sizes);
        List<Map<String, Object>> sections = new ArrayList<>();
        for (int i = 0; i < ts.size(); i++) {
            sections.add(AnalysisInputs.thermometerSection(dirs.get(i), ts.get(i)));
        }
        return new AnalysisThermometers(List.copyOf(ts), List.copyOf(sections));
    }

    boolean isEmpty() {
        return thermometers.isEmpty();
    }

    /** The thermometer trained for {@code numSites}, or null. */
    Thermometer forSites(int numSites) {
        return thermometers.stream().filter(t -> t.numSites() == numSites).findFirst().orElse(null);
    }

    /** Their description checksums, into the arguments that name the output directory. */
    void addTo(Map<String, Object> args) {
        if (sections.size() == 1) {
            args.put("thermometer", sections.get(0).get("descriptionSha256"));
        } else if (sections.size() > 1) {
            args.put("thermometers", sections.stream().map(x -> x.get("descriptionSha256")).toList());
        }
    }

    /** Their sections, into the manifest. */
    void addTo(Manifest manifest) {
        if (sections.size() == 1) {
            manifest.section("thermometer", sections.get(0));
        } else if (sections.size() > 1) {
            manifest.section("thermometers", sections);
        }
    }

    /** The sizes they were trained for, in the given order. */
    List<Integer> sizes() {
        return thermometers.stream().map(Thermometer::numSites).toList();
    }
}
