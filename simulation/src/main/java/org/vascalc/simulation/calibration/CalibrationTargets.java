package org.vascalc.simulation.calibration;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The project's copy of {@code shared/science/calibration-targets.csv}, read as data (the tests and
 * the calibrator read targets from here, never from constants in code).
 */
public final class CalibrationTargets {

    private static final String RESOURCE = "calibration-targets.csv";

    private final List<CalibrationTarget> targets;

    private CalibrationTargets(List<CalibrationTarget> targets) {
        this.targets = List.copyOf(targets);
    }

    public static CalibrationTargets load() {
        try (InputStream in = CalibrationTargets.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            CsvMapper mapper = new CsvMapper();
            mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            mapper.enable(CsvParser.Feature.ALLOW_COMMENTS);
            CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
            List<CalibrationTarget> out = new ArrayList<>();
            try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema).readValues(in)) {
                while (it.hasNext()) {
                    Map<String, String> r = it.next();
                    out.add(new CalibrationTarget(r.get("id"), r.get("scope"),
                            CalibrationTarget.Use.valueOf(r.get("use").toUpperCase(java.util.Locale.ROOT)),
                            r.get("phenomenon"), r.get("population"), r.get("scenario"), r.get("output"),
                            r.get("statistic"), Double.parseDouble(r.get("value")), Double.parseDouble(r.get("low")),
                            Double.parseDouble(r.get("high")), r.get("unit"), r.get("source"), r.get("locator"),
                            r.get("status")));
                }
            }
            return new CalibrationTargets(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** A target set built in code (tests, or a subset chosen by a caller). */
    public static CalibrationTargets of(List<CalibrationTarget> targets) {
        return new CalibrationTargets(targets);
    }

    public List<CalibrationTarget> all() {
        return targets;
    }

    public List<CalibrationTarget> scope(String scope) {
        return targets.stream().filter(t -> t.scope().equals(scope)).toList();
    }

    public CalibrationTarget get(String id) {
        return targets.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no calibration target " + id));
    }
}
