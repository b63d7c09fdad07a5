package org.vascalc.simulation.trial;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.vascalc.core.evidence.Evidence;
import org.vascalc.core.input.DecimalText;
import org.vascalc.core.param.Parameter;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.cohort.VirtualPopulation;

/**
 * The parameter sets of a trial's parameter-uncertainty analysis ({@code vascalc trial --parameter-draws N}):
 * which catalog numbers are drawn, from which distribution, and the seeded draws themselves.
 *
 * <p>The table ({@code parameter-draws.csv} beside this class) lists, per parameter, the trial outputs it
 * moves (its rows in docs/model/sensitivity.md, or the mechanism where that scenario cannot show it) and
 * its distribution; a trial draws the parameters of its outcomes' outputs, jointly and independently of
 * each other. Every draw lies inside the parameter's plausible range. Draws are made in order from one
 * {@link SplittableRandom} seeded by the given seed, so a seed gives the same sets, and the first k sets of
 * N are the k sets of a run with N = k. A person's own factors (between-person variation, drawn with the
 * population) and derived numbers (their rule is text in the catalog and is not re-applied) are refused.
 */
public final class ParameterDraws {

    /** The table's resource, next to this class. */
    public static final String RESOURCE = "parameter-draws.csv";
    private static final String HEADER = "name,outputs,distribution,width,basis";
    /** A person's own factors: drawn per member with the population, never here. */
    private static final Set<String> PERSON_FACTORS = Set.of(VirtualPopulation.PLAQUE, VirtualPopulation.MEDIAL,
            VirtualPopulation.STIFFNESS, VirtualPopulation.T50_RESIDUAL, VirtualPopulation.VITAMIN_K_INTAKE);
    /** Attempts of a truncated normal before giving up (a range far outside the mean). */
    private static final int MAX_REDRAWS = 10_000;

    /** How one parameter is drawn. */
    public enum Shape {
        /** Triangular in ln(value) over the plausible range, mode at the catalog value. */
        LOG_TRIANGULAR("logTriangular"),
        /** Triangular over the plausible range, mode at the catalog value. */
        TRIANGULAR("triangular"),
        /** Log-triangular from value/width to value*width (clipped to the range), mode at the value. */
        FIT_FACTOR("fitFactor"),
        /** Normal with mean = catalog value and SD = width, truncated to the range. */
        NORMAL("normal");

        private final String spelling;

        Shape(String spelling) {
            this.spelling = spelling;
        }

        public String spelling() {
            return spelling;
        }

        static Shape parse(String s, String where) {
            for (Shape v : values()) {
                if (v.spelling.equals(s)) {
                    return v;
                }
            }
            throw new IllegalArgumentException(where + ": distribution '" + s
                    + "' is not one of logTriangular, triangular, fitFactor, normal");
        }
    }

    /**
     * One drawn parameter, resolved against a catalog.
     *
     * @param name    catalog name
     * @param outputs trial outputs it moves
     * @param shape   distribution
     * @param width   factor (fitFactor) or SD in the parameter's unit (normal); NaN otherwise
     * @param low     lowest value a draw can take (the plausible range, or value/width for fitFactor)
     * @param mode    the catalog value (mode, or mean of the normal)
     * @param high    highest value a draw can take
     * @param unit    the parameter's unit
     * @param evidence evidence kind of the catalog value (literature, calibrated, assumption)
     * @param basis   why it is drawn
     */
    public record Drawn(String name, Set<String> outputs, Shape shape, double width, double low, double mode,
                        double high, String unit, String evidence, String basis) {

        public Drawn {
            outputs = Set.copyOf(outputs);
        }

        /** "logTriangular 0.5-10 mm3/y, mode 3" and the like. */
        public String describe() {
            return switch (shape) {
                case NORMAL -> String.format(Locale.ROOT, "normal, mean %s, SD %s %s, truncated to %s-%s", num(mode),
                        num(width), unit, num(low), num(high));
                case FIT_FACTOR -> String.format(Locale.ROOT,
                        "log-triangular %s-%s %s (the fitted value divided and multiplied by %s), mode %s",
                        num(low), num(high), unit, num(width), num(mode));
                case LOG_TRIANGULAR -> String.format(Locale.ROOT, "log-triangular %s-%s %s, mode %s", num(low), num(high),
                        unit, num(mode));
                case TRIANGULAR -> String.format(Locale.ROOT, "triangular %s-%s %s, mode %s", num(low), num(high), unit,
                        num(mode));
            };
        }

        double draw(SplittableRandom r) {
            double v = switch (shape) {
                case TRIANGULAR -> triangular(low, mode, high, r.nextDouble());
                case LOG_TRIANGULAR, FIT_FACTOR -> Math.exp(triangular(Math.log(low), Math.log(mode), Math.log(high),
                        r.nextDouble()));
                case NORMAL -> truncatedNormal(r);
            };
            return Math.min(high, Math.max(low, v)); // exp(log(x)) may leave the range by one ulp
        }

        private double truncatedNormal(SplittableRandom r) {
            for (int i = 0; i < MAX_REDRAWS; i++) {
                double v = mode + width * r.nextGaussian();
                if (v >= low && v <= high) {
                    return v;
                }
            }
            throw new IllegalStateException(name + ": no normal draw fell inside " + low + "-" + high);
        }
    }

    private final List<Drawn> all;

    private ParameterDraws(List<Drawn> all) {
        this.all = List.copyOf(all);
    }

    /** The project's table, resolved against {@code catalog} (its values are the modes). */
    public static ParameterDraws load(ParameterCatalog catalog) {
        try (InputStream in = ParameterDraws.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource not found: " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE, catalog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a table ({@code origin} names it in messages) and checks every row against {@code catalog}. */
    static ParameterDraws parse(String csv, String origin, ParameterCatalog catalog) {
        List<Drawn> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        boolean header = false;
        String[] lines = csv.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = origin + " line " + (i + 1);
            if (!header) {
                if (!line.equals(HEADER)) {
                    throw new IllegalArgumentException(where + ": expected the header '" + HEADER + "'");
                }
                header = true;
                continue;
            }
            List<String> cells = cells(line, where);
            if (cells.size() != 5) {
                throw new IllegalArgumentException(where + ": expected 5 columns, found " + cells.size());
            }
            String name = cells.get(0);
            if (!seen.add(name)) {
                throw new IllegalArgumentException(where + ": " + name + " is listed twice");
            }
            out.add(resolve(name, Set.of(cells.get(1).split(";")), Shape.parse(cells.get(2), where), cells.get(3),
                    cells.get(4), catalog, where));
        }
        return new ParameterDraws(out);
    }

    private static Drawn resolve(String name, Set<String> outputs, Shape shape, String widthText, String basis,
                                 ParameterCatalog catalog, String where) {
        if (!catalog.contains(name)) {
            throw new IllegalArgumentException(where + ": no parameter named '" + name + "' in the catalog");
        }
        if (PERSON_FACTORS.contains(name)) {
            throw new IllegalArgumentException(where + ": " + name + " is a person's own factor, drawn with the population");
        }
        Parameter p = catalog.get(name);
        if (p.evidence() instanceof Evidence.Derived && shape != Shape.NORMAL) {
            // a derived number is drawn only from the interval of the evidence it was derived from (normal, with its SD)
            throw new IllegalArgumentException(where + ": " + name + " is derived; give it a normal with the SD of its source");
        }
        double width = Double.NaN;
        boolean needsWidth = shape == Shape.FIT_FACTOR || shape == Shape.NORMAL;
        if (needsWidth) {
            try {
                // as every other reader of numbers (leftovers22): Java's parser took 5d, NaN and 0x1p3
                width = DecimalText.parse(widthText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + " column 4 (width): " + name + ": width '" + widthText
                        + "' is not a decimal number (digits, one point, an optional exponent: 1.5, 2e-3)");
            }
        } else if (!widthText.isBlank()) {
            throw new IllegalArgumentException(where + ": " + name + ": " + shape.spelling() + " takes no width");
        }
        double v = p.value();
        double lo = p.low();
        double hi = p.high();
        switch (shape) {
            case FIT_FACTOR -> {
                if (!(width > 1)) {
                    throw new IllegalArgumentException(where + ": " + name + ": fitFactor width must be above 1, got " + width);
                }
                if (!(v > 0)) {
                    throw new IllegalArgumentException(where + ": " + name + ": fitFactor needs a value above 0, got " + v);
                }
                if (!(p.evidence() instanceof Evidence.Calibrated)) {
                    throw new IllegalArgumentException(where + ": " + name + ": fitFactor is for calibrated numbers");
                }
                lo = Math.max(lo, v / width);
                hi = Math.min(hi, v * width);
            }
            case LOG_TRIANGULAR -> {
                if (!(lo > 0)) {
                    throw new IllegalArgumentException(where + ": " + name + ": logTriangular needs a range above 0, got "
                            + lo + "-" + hi);
                }
            }
            case NORMAL -> {
                if (!(width > 0)) {
                    throw new IllegalArgumentException(where + ": " + name + ": normal SD must be above 0, got " + width);
                }
            }
            case TRIANGULAR -> {
            }
        }
        if (!(lo < hi)) {
            throw new IllegalArgumentException(where + ": " + name + ": its range has no width (" + lo + "-" + hi + ")");
        }
        String ev = switch (p.evidence()) {
            case Evidence.Literature l -> "literature";
            case Evidence.Calibrated c -> "calibrated";
            case Evidence.Assumption a -> "assumption";
            case Evidence.Derived d -> "derived";
        };
        return new Drawn(name, outputs, shape, width, lo, v, hi, p.unit(), ev, basis);
    }

    /** Every parameter of the table. */
    public List<Drawn> all() {
        return all;
    }

    /** The parameters that move any of {@code outputs}, in the table's order. */
    public ParameterDraws forOutputs(Collection<String> outputs) {
        return new ParameterDraws(all.stream().filter(d -> d.outputs().stream().anyMatch(outputs::contains)).toList());
    }

    /** The parameters of a trial's outcomes. */
    public ParameterDraws forTrial(TrialSpec spec) {
        return forOutputs(spec.outcomes().stream().map(TrialSpec.Outcome::output).toList());
    }

    /** {@code n} parameter sets (catalog name to value), drawn in order from {@code seed}. */
    public List<Map<String, Double>> draw(int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        SplittableRandom r = new SplittableRandom(seed);
        List<Map<String, Double>> sets = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            Map<String, Double> set = new LinkedHashMap<>();
            for (Drawn d : all) {
                set.put(d.name(), d.draw(r));
            }
            sets.add(java.util.Collections.unmodifiableMap(set));
        }
        return List.copyOf(sets);
    }

    /** Inverse CDF of the triangular distribution (a, c, b) at u. */
    static double triangular(double a, double c, double b, double u) {
        double fc = (c - a) / (b - a);
        return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }

    /** Reads one CSV line (RFC 4180 quoting) as its cells; Jackson's CSV parser, as CalibrationTargets uses. */
    private static final ObjectReader LINE = new CsvMapper().readerFor(String[].class);

    /** Cells of one CSV line (double quotes group, "" is a quote), each stripped. */
    private static List<String> cells(String line, String where) {
        try {
            return Arrays.stream(LINE.<String[]>readValue(line)).map(String::strip).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": not a CSV line: " + e.getMessage());
        }
    }

    private static String num(double v) {
        return TrialReport.num(v);
    }
}
