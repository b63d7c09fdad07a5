package org.vascalc.cli.report;

/** One line of a chart: a name (the arm), x values and y values of equal length. */
public record Series(String name, double[] x, double[] y) {
    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series " + name + ": x and y differ in length");
        }
    }
}
