package org.rgflow.plot;

/**
 * Tiles equally shaped fields (e.g. RBM receptive fields reshaped to L&times;L) into one grid for
 * {@link Heatmap}: tiles row-major, {@code ceil(sqrt(n))} per row, separated by one cell of NaN (drawn grey).
 */
public final class FieldMosaic {

    private FieldMosaic() {
    }

    /**
     * @param fields [size(0), n] column-major fields: column a is field a over the sites (row-major L&times;L)
     * @param count  how many of the first columns to tile (&le; n)
     * @param rows   rows of one tile
     * @param cols   columns of one tile; rows &times; cols = number of sites
     * @return the mosaic, NaN in the gaps and unused tiles
     */
    public static double[][] tile(double[][] fields, int count, int rows, int cols) {
        if (count < 1 || fields.length != rows * cols || fields[0].length < count) {
            throw new IllegalArgumentException("need " + rows + "x" + cols + " = " + (rows * cols) + " sites and at least "
                    + count + " fields, got " + fields.length + " sites and " + (fields.length == 0 ? 0 : fields[0].length)
                    + " fields");
        }
        int perRow = (int) Math.ceil(Math.sqrt(count));
        int tileRows = (count + perRow - 1) / perRow;
        double[][] out = new double[tileRows * (rows + 1) - 1][perRow * (cols + 1) - 1];
        for (double[] r : out) {
            java.util.Arrays.fill(r, Double.NaN);
        }
        for (int a = 0; a < count; a++) {
            int r0 = (a / perRow) * (rows + 1);
            int c0 = (a % perRow) * (cols + 1);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    out[r0 + i][c0 + j] = fields[i * cols + j][a];
                }
            }
        }
        return out;
    }

    /**
     * The tile shape of {@code numSites} sites of a lattice of the given dimension and length: L&times;L in 2D,
     * L<sup>d&minus;1</sup>&times;L otherwise (1&times;L in 1D).
     */
    public static int[] tileShape(int numSites, int dimension, int length) {
        if (dimension >= 1 && length >= 1 && numSites % length == 0) {
            return new int[] {numSites / length, length};
        }
        int side = (int) Math.round(Math.sqrt(numSites));
        return side * side == numSites ? new int[] {side, side} : new int[] {1, numSites};
    }
}
