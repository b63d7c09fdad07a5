package org.vascalc.clinical.serial;

import java.util.List;
import java.util.Objects;

/**
 * Serial-scan analysis with its plain-language interpretation.
 *
 * @param intervals   change between each consecutive pair of scans, in date order
 * @param overall     change from the first to the last scan
 * @param paragraphs  interpretation, one paragraph per element, citing keys in square brackets
 * @param references  the citation keys used (entries of docs/references.bib)
 */
public record SerialScanReport(List<ScanInterval> intervals, ScanInterval overall, List<String> paragraphs,
                               List<String> references) {

    public SerialScanReport {
        intervals = List.copyOf(intervals);
        Objects.requireNonNull(overall, "overall");
        paragraphs = List.copyOf(paragraphs);
        references = List.copyOf(references);
    }

    /** True when the last score is below the first. */
    public boolean scoreFell() {
        return overall.absoluteChange() < 0;
    }
}
