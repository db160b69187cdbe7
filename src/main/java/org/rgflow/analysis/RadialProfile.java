package org.rgflow.analysis;

/**
 * A map averaged over shells of periodic distance from a centre: shell j collects the sites with distance in
 * [j w, (j+1) w) (w = {@link CorrelatorMaps#SHELL_WIDTH}); empty shells are dropped.
 *
 * @param distance mean distance of the sites in each shell
 * @param value    mean map value in each shell
 * @param sites    number of sites in each shell
 */
public record RadialProfile(double[] distance, double[] value, int[] sites) {
}
