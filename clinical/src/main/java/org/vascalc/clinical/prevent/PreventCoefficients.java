package org.vascalc.clinical.prevent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.vascalc.core.patient.Sex;

/**
 * The PREVENT base-model coefficient tables (10- and 30-year), read once from the CSV resources
 * {@code prevent-base-10y.csv} / {@code prevent-base-30y.csv} into plain arrays indexed by
 * {@link Term}.
 */
final class PreventCoefficients {

    /** The model's terms in the order of the tables; A2 (age squared) only in the 30-year model. */
    enum Term {
        A, A2, NH, H, S1, S2, DM, SMOKER, B1, B2, E1, E2, BPMED, STATIN, BPMED_S2, STATIN_NH,
        A_NH, A_H, A_S2, A_DM, A_SMOKER, A_B2, A_E1, CONSTANT
    }

    private static final PreventCoefficients TEN_YEAR = load("prevent-base-10y.csv");
    private static final PreventCoefficients THIRTY_YEAR = load("prevent-base-30y.csv");

    private final Map<PreventOutcome, Map<Sex, double[]>> beta;

    private PreventCoefficients(Map<PreventOutcome, Map<Sex, double[]>> beta) {
        this.beta = beta;
    }

    static PreventCoefficients forHorizon(int years) {
        return switch (years) {
            case 10 -> TEN_YEAR;
            case 30 -> THIRTY_YEAR;
            default -> throw new IllegalArgumentException("PREVENT has 10- and 30-year models, not " + years);
        };
    }

    /** Coefficients for one outcome and sex, indexed by {@link Term#ordinal()} (absent terms are 0). */
    double[] of(PreventOutcome outcome, Sex sex) {
        return beta.get(outcome).get(sex);
    }

    private static PreventCoefficients load(String resource) {
        Map<PreventOutcome, Map<Sex, double[]>> beta = new EnumMap<>(PreventOutcome.class);
        for (PreventOutcome o : PreventOutcome.values()) {
            Map<Sex, double[]> bySex = new EnumMap<>(Sex.class);
            for (Sex s : Sex.values()) {
                bySex.put(s, new double[Term.values().length]);
            }
            beta.put(o, bySex);
        }
        try (InputStream in = PreventCoefficients.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        lines.add(line);
                    }
                }
            }
            String[] header = lines.get(0).split(",");
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                Term term = Term.valueOf(cells[0].trim().toUpperCase(java.util.Locale.ROOT));
                for (int col = 1; col < header.length; col++) {
                    String[] sexOutcome = header[col].trim().split("_");
                    Sex sex = "F".equals(sexOutcome[0]) ? Sex.FEMALE : Sex.MALE;
                    PreventOutcome outcome = PreventOutcome.valueOf(sexOutcome[1]);
                    beta.get(outcome).get(sex)[term.ordinal()] = Double.parseDouble(cells[col].trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return new PreventCoefficients(beta);
    }
}
