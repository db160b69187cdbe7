package org.rgflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rgflow.cli.ReportVerdict.End;
import org.rgflow.cli.ReportVerdict.FlowEnd;
import org.rgflow.observable.Estimate;

/** The report's verdicts follow their stated criteria on synthetic numbers (no model, no sampling). */
class ReproduceVerdictTest {

    static final double[] T = {0.0, 1.0, 2.0, 2.25, 2.5, 2.75, 3.0, 4.0, 6.0};

    static FlowEnd end(double... histogram) {
        return ReportVerdict.flowEnd(T, histogram, 2.0, 2.75);
    }

    static final FlowEnd IN = end(0, 0, 0.1, 0.4, 0.3, 0.1, 0.1, 0, 0);
    static final FlowEnd OUT = end(0, 0, 0, 0, 0, 0.1, 0.2, 0.6, 0.1);
    static final FlowEnd MIXED = end(0.2, 0.2, 0, 0.25, 0, 0, 0.15, 0.2, 0); // mode inside, 0.25 inside

    @Test
    void classifiesFlowEndsByModeAndMass() {
        assertEquals(End.IN, IN.end());
        assertEquals(2.25, IN.modeTemperature());
        assertEquals(0.9, IN.massInWindow(), 1e-12);
        assertEquals(End.OUTSIDE, OUT.end());
        assertEquals(End.MIXED, MIXED.end());
        assertEquals(4.0, OUT.modeTemperature());
        // mode inside but most mass outside: mixed
        assertEquals(End.MIXED, end(0.2, 0.2, 0, 0.25, 0, 0, 0.15, 0.2, 0).end());
        // mode outside but more than half inside: mixed
        assertEquals(End.MIXED, end(0, 0, 0.15, 0.15, 0.15, 0.15, 0, 0.4, 0).end());
        // unnormalised histograms are normalised
        assertEquals(0.9, end(0, 0, 1, 4, 3, 1, 1, 0, 0).massInWindow(), 1e-12);
    }

    @Test
    void mainClaimNeedsEveryFlowInTheWindow() {
        assertEquals(ReportVerdict.REPRODUCED, ReportVerdict.endsInWindow(List.of(IN, IN), true));
        assertEquals(ReportVerdict.NOT_REPRODUCED, ReportVerdict.endsInWindow(List.of(IN, OUT), true));
        assertEquals(ReportVerdict.NOT_REPRODUCED, ReportVerdict.endsInWindow(List.of(OUT, OUT), true));
        assertEquals(ReportVerdict.INCONCLUSIVE, ReportVerdict.endsInWindow(List.of(IN, MIXED), true));
        // an unreliable thermometer decides nothing, even when the numbers look right
        assertEquals(ReportVerdict.INCONCLUSIVE, ReportVerdict.endsInWindow(List.of(IN, IN), false));
    }

    @Test
    void controlsMustAvoidTheWindow() {
        assertEquals(ReportVerdict.REPRODUCED, ReportVerdict.avoidsWindow(List.of(OUT, OUT), true));
        assertEquals(ReportVerdict.NOT_REPRODUCED, ReportVerdict.avoidsWindow(List.of(OUT, IN), true));
        assertEquals(ReportVerdict.INCONCLUSIVE, ReportVerdict.avoidsWindow(List.of(OUT, MIXED), true));
        assertEquals(ReportVerdict.INCONCLUSIVE, ReportVerdict.avoidsWindow(List.of(OUT, OUT), false));
    }

    @Test
    void overallIsReproducedOnlyWhenEveryPartIs() {
        var r = ReportVerdict.REPRODUCED;
        var n = ReportVerdict.NOT_REPRODUCED;
        var i = ReportVerdict.INCONCLUSIVE;
        assertEquals(r, ReportVerdict.overall(List.of(r, r, r)));
        assertEquals(n, ReportVerdict.overall(List.of(r, n, r)));
        assertEquals(n, ReportVerdict.overall(List.of(i, n, r)));
        assertEquals(i, ReportVerdict.overall(List.of(r, i, r)));
        assertEquals(i, ReportVerdict.overall(List.of()));
    }

    @Test
    void receptiveFieldGrowthNeedsTwoStandardErrors() {
        var l1 = new ReproduceMehta2014.LevelSizes(1, 400, 2.0, 1.0, 0.05);
        assertEquals(ReportVerdict.REPRODUCED, ReproduceMehta2014.growth(l1,
                new ReproduceMehta2014.LevelSizes(3, 25, 3.0, 1.0, 0.2), 12.7));
        assertEquals(ReportVerdict.INCONCLUSIVE, ReproduceMehta2014.growth(l1,
                new ReproduceMehta2014.LevelSizes(3, 25, 2.2, 1.0, 0.2), 12.7));
        assertEquals(ReportVerdict.NOT_REPRODUCED, ReproduceMehta2014.growth(l1,
                new ReproduceMehta2014.LevelSizes(3, 25, 1.0, 1.0, 0.2), 12.7));
        // near-uniform first-level fields: growth of their size says nothing
        assertEquals(ReportVerdict.INCONCLUSIVE, ReproduceMehta2014.growth(
                new ReproduceMehta2014.LevelSizes(1, 400, 11.9, 0.3, 0.02),
                new ReproduceMehta2014.LevelSizes(3, 25, 12.4, 0.2, 0.04), 12.7));
    }

    @Test
    void funaiFlowEndIsAtThePeakWithinTolerance() {
        assertEquals(End.IN, ReproduceFunai2018.atPeak(new double[] {2.4, 0.05, 0}, 2.25));
        assertEquals(End.MIXED, ReproduceFunai2018.atPeak(new double[] {2.9, 0.05, 0}, 2.25));
        assertEquals(End.OUTSIDE, ReproduceFunai2018.atPeak(new double[] {4.9, 0.05, 0}, 2.25));
        assertEquals(End.OUTSIDE, ReproduceFunai2018.atPeak(new double[] {6.0, Double.NaN, 1}, 2.25));
    }

    @Test
    void shortsightedDirectionsComeFromSignificantBinderChanges() {
        Estimate start = new Estimate(0.52, 0.005, 1, 1000);
        assertEquals(1, ReproduceShortsighted2020.direction(start, new Estimate(0.60, 0.005, 1, 1000)));
        assertEquals(-1, ReproduceShortsighted2020.direction(start, new Estimate(0.20, 0.02, 1, 1000)));
        assertEquals(0, ReproduceShortsighted2020.direction(start, new Estimate(0.521, 0.005, 1, 1000)));
        // the stack should move to lower T (U4 up); moving down is "not reproduced"
        assertEquals(ReportVerdict.REPRODUCED, ReproduceShortsighted2020.expect(1, 1));
        assertEquals(ReportVerdict.NOT_REPRODUCED, ReproduceShortsighted2020.expect(-1, 1));
        assertEquals(ReportVerdict.INCONCLUSIVE, ReproduceShortsighted2020.expect(0, -1));
    }

    @Test
    void thermometerReliabilityIsTwiceChance() {
        assertEquals(true, ReportVerdict.reliable(0.08, 25));
        assertEquals(false, ReportVerdict.reliable(0.079, 25));
    }

    @Test
    void energyIsReadAsATemperatureOnTheMonteCarloCurve() {
        double[][] curve = {{0, -2}, {1, -1.9}, {2, -1.5}, {3, -0.8}};
        double[] t = ReproduceReportData.temperatureOfEnergy(curve, new Estimate(-1.15, 0.07, 1, 100));
        assertEquals(2.5, t[0], 1e-12);
        assertEquals(0.1, t[1], 1e-12);
        assertEquals(0, t[2]);
        assertEquals(-1, ReproduceReportData.temperatureOfEnergy(curve, new Estimate(-2.1, 0.01, 1, 100))[2]);
        assertEquals(1, ReproduceReportData.temperatureOfEnergy(curve, new Estimate(-0.5, 0.01, 1, 100))[2]);
        assertEquals("≥ 3.00", ReproduceReportData.describeTemperature(new double[] {3, Double.NaN, 1}));
        assertEquals("2.50 ± 0.10", ReportWriter.pm(2.5, 0.1));
    }
}
