package org.vascalc.cli.clinical;

import java.util.List;

/**
 * The risk inputs in one order, top to bottom as /risk's form shows them, by their patient-file keys: the order in
 * which /risk, /api/risk and {@code vascalc risk} list the problems of an input. /api/risk listed them as found
 * (sex, race, hdl, then age, tc: the non-numbers first, then the library's checks) and the command as the library
 * found them, where the page listed them by the form (review20; leftovers31).
 */
public final class RiskFieldOrder {

    /** The patient-file keys top to bottom; {@code scans} stands for every dated scan. */
    public static final List<String> KEYS = List.of("age", "sex", "race", "totalCholesterol", "hdlCholesterol",
            "lipidUnit", "systolicBp", "bmi", "egfr", "creatinine", "creatinineUnit", "cac", "cacVessels", "bpTreated",
            "statin", "diabetes", "smoker", "familyHistory", "scans", "vitaminK2");

    private RiskFieldOrder() {
    }

    /**
     * Where a problem at {@code path} stands: its key's place in {@link #KEYS} ({@code scans[1].date} at
     * {@code scans}'), a path of no key after them all.
     */
    public static int rank(String path) {
        int i = KEYS.indexOf(path.replaceFirst("[\\[.].*", ""));
        return i < 0 ? KEYS.size() : i;
    }
}
