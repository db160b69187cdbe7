package org.rgflow.thermometer;

import java.util.Locale;

/**
 * A thermometer's performance on labelled configurations (usually held-out Monte Carlo rows).
 *
 * @param temperatures           the classes, ascending
 * @param confusion              [true class][predicted class (arg max)] counts
 * @param accuracy               fraction of rows whose arg-max class is the true one
 * @param meanAbsoluteError      mean over rows of |&Sigma;<sub>k</sub> p<sub>k</sub> T<sub>k</sub> &minus; T<sub>true</sub>|
 *                               (the error of the predicted mean temperature, what a flow reports)
 * @param count                  rows evaluated
 */
public record ThermometerEvaluation(double[] temperatures, long[][] confusion, double accuracy,
        double meanAbsoluteError, long count) {

    public ThermometerEvaluation {
        temperatures = temperatures.clone();
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        confusion = copy;
    }

    @Override
    public double[] temperatures() {
        return temperatures.clone();
    }

    @Override
    public long[][] confusion() {
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** Accuracy of uniform guessing: 1 / number of temperatures. */
    public double chance() {
        return 1.0 / temperatures.length;
    }

    /** Confusion matrix normalised per true temperature (rows sum to 1; NaN rows for absent temperatures). */
    public double[][] confusionFractions() {
        double[][] f = new double[confusion.length][confusion.length];
        for (int i = 0; i < confusion.length; i++) {
            long n = 0;
            for (long c : confusion[i]) {
                n += c;
            }
            for (int j = 0; j < confusion.length; j++) {
                f[i][j] = n == 0 ? Double.NaN : confusion[i][j] / (double) n;
            }
        }
        return f;
    }

    /** CSV: header {@code true_T,pred_<T0>,...}, one row of counts per true temperature. */
    public String confusionCsv() {
        StringBuilder sb = new StringBuilder("true_T");
        for (double t : temperatures) {
            sb.append(",pred_").append(t);
        }
        sb.append('\n');
        for (int i = 0; i < confusion.length; i++) {
            sb.append(temperatures[i]);
            for (long c : confusion[i]) {
                sb.append(',').append(c);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "accuracy %.4f (chance %.4f), mean |dT| %.4f over %d configurations",
                accuracy, chance(), meanAbsoluteError, count);
    }
}
