package org.vascalc.clinical.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.patient.Sex;

class SerialScansTest {

    private static final LocalDate D0 = LocalDate.of(2020, 1, 1);
    private static final SerialContext MAN = new SerialContext(Sex.MALE, false, false);

    private static Scan scan(LocalDate d, double s) {
        return new Scan(d, s);
    }

    @Test
    void absoluteAndAnnualisedChangeFollowTheDates() {
        ScanInterval i = SerialScans.interval(scan(D0, 100), scan(D0.plusDays(1461), 144), Sex.MALE); // 4 y
        // 1461 days = 4.0 years of 365.25 days exactly: arithmetic only
        assertThat(i.years()).isCloseTo(4.0, within(1e-12));
        assertThat(i.absoluteChange()).isEqualTo(44);
        assertThat(i.annualisedChange()).isCloseTo(11.0, within(1e-12));
        // 1.44^(1/4) = 1.0954451
        assertThat(i.annualisedPercent()).isCloseTo(9.54451, within(1e-4));
        assertThat(i.sqrtChange()).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void squareRootMethodSeparatesProgressionFromVariabilityAtTheHokansonThreshold() {
        LocalDate later = D0.plusYears(2);
        // sqrt(156.25) - sqrt(100) = 2.5 exactly: the threshold counts as progression
        assertThat(SerialScans.interval(scan(D0, 100), scan(later, 156.25), Sex.MALE).verdict())
                .isEqualTo(ScanInterval.Verdict.SIGNIFICANT_PROGRESSION);
        assertThat(SerialScans.interval(scan(D0, 100), scan(later, 156), Sex.MALE).verdict())
                .isEqualTo(ScanInterval.Verdict.WITHIN_INTERSCAN_VARIABILITY);
        assertThat(SerialScans.interval(scan(D0, 100), scan(later, 56.25), Sex.MALE).verdict())
                .isEqualTo(ScanInterval.Verdict.FALL_BEYOND_VARIABILITY);
        assertThat(SerialScans.interval(scan(D0, 100), scan(later, 57), Sex.MALE).verdict())
                .isEqualTo(ScanInterval.Verdict.WITHIN_INTERSCAN_VARIABILITY);
        ScanInterval i = SerialScans.interval(scan(D0, 100), scan(later, 120), Sex.MALE);
        assertThat(i.noChangeLow()).isCloseTo(56.25, within(1e-9));
        assertThat(i.noChangeHigh()).isCloseTo(156.25, within(1e-9));
        // from zero, 6.25 AU is the first significant rise
        assertThat(SerialScans.interval(scan(D0, 0), scan(later, 6.25), Sex.MALE).verdict())
                .isEqualTo(ScanInterval.Verdict.SIGNIFICANT_PROGRESSION);
    }

    @Test
    void expectedChangeUsesTheMesaMedianForTheSex() {
        ScanInterval man = SerialScans.interval(scan(D0, 50), scan(D0.plusDays(1461), 80), Sex.MALE);
        ScanInterval woman = SerialScans.interval(scan(D0, 50), scan(D0.plusDays(1461), 80), Sex.FEMALE);
        assertThat(man.expectedLater()).isCloseTo(50 + 4 * 21, within(1e-9));
        assertThat(woman.expectedLater()).isCloseTo(50 + 4 * 14, within(1e-9));
        assertThat(SerialScans.interval(scan(D0, 0), scan(D0.plusYears(3), 0), Sex.MALE).expectedLater()).isNaN();
    }

    @Test
    void aFallOnVitaminK2IsExplainedWithTheSeedNuanceAndItsReferences() {
        SerialScanReport r = SerialScans.analyse(List.of(scan(D0, 400), scan(D0.plusYears(3), 350)),
                new SerialContext(Sex.FEMALE, true, false));
        String text = String.join("\n", r.paragraphs());
        assertThat(r.scoreFell()).isTrue();
        assertThat(text).contains("not known to regress")
                .contains("non-plaque (medial) calcium")
                .contains("measurement variability")
                .contains("CT cannot tell the two kinds apart")
                .contains("no consistent evidence that it removes calcium from atherosclerotic plaque")
                .contains("[Shea2009]").contains("[Lanzer2021]").contains("[Hokanson2004]");
        assertThat(r.references()).contains("Hokanson2004", "Puri2015", "Lanzer2021", "Shea2009", "Kronmal2007");
    }

    /**
     * Puri 2015 (J Am Coll Cardiol 65:1273, abstract) measured the plaque calcium index by serial
     * intravascular ultrasound: median change +0.044 on high-intensity statins, +0.020 on none (2.2 times),
     * while percent atheroma volume fell 0.6 % on the former. It did not measure the CT calcium score or
     * calcium density, so the texts citing it say what it measured (checked against the abstract,
     * forty-first session).
     */
    @Test
    void puriIsCitedForWhatItMeasured() {
        String fall = String.join("\n", SerialScans.analyse(List.of(scan(D0, 400), scan(D0.plusYears(3), 350)),
                MAN).paragraphs());
        assertThat(fall).contains("in serial intravascular ultrasound trials plaque calcium rose")
                .doesNotContain("raise the calcium score");
        String rise = String.join("\n", SerialScans.analyse(List.of(scan(D0, 100), scan(D0.plusYears(3), 250)),
                new SerialContext(Sex.MALE, false, true)).paragraphs());
        assertThat(rise).contains("more than twice as much on high-intensity statins as without statins")
                .contains("[Puri2015]").doesNotContain("denser");
    }

    @Test
    void aRiseWithoutSupplementsSaysNothingAboutRegression() {
        SerialScanReport r = SerialScans.analyse(List.of(scan(D0, 10), scan(D0.plusYears(2), 60)), MAN);
        String text = String.join("\n", r.paragraphs());
        assertThat(text).contains("significant progression").doesNotContain("not known to regress");
    }

    @Test
    void threeScansGiveEachIntervalAndTheOverallChange() {
        SerialScanReport r = SerialScans.analyse(List.of(scan(D0.plusYears(4), 90), scan(D0, 40),
                scan(D0.plusYears(2), 60)), MAN);
        assertThat(r.intervals()).hasSize(2);
        assertThat(r.intervals().get(0).from().agatston()).isEqualTo(40);
        assertThat(r.overall().absoluteChange()).isEqualTo(50);
        assertThat(r.paragraphs().get(1)).startsWith("Between consecutive scans:");
    }

    @Test
    void badScanListsAreRejectedWithClearMessages() {
        assertThatThrownBy(() -> SerialScans.analyse(List.of(scan(D0, 10)), MAN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least two scans");
        assertThatThrownBy(() -> SerialScans.analyse(List.of(scan(D0, 10), scan(D0, 12)), MAN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("share the date 2020-01-01");
        assertThatThrownBy(() -> SerialScans.analyse(List.of(scan(D0, -5), scan(D0.plusYears(1), 12)), MAN))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Agatston score = -5 Agatston units is outside the allowed range 0 to 50000");
    }

    @Test
    void anyFallEvenWithoutSupplementsCarriesTheNuance() {
        SerialScanReport r = SerialScans.analyse(List.of(scan(D0, 500), scan(D0.plusYears(4), 300)), MAN);
        String text = String.join("\n", r.paragraphs());
        assertThat(r.overall().verdict()).isEqualTo(ScanInterval.Verdict.FALL_BEYOND_VARIABILITY);
        assertThat(text).contains("not known to regress").contains("CT cannot tell the two kinds apart")
                .contains("same scanner type").doesNotContain("Vitamin K2");
    }

    @Test
    void vitaminK2WithoutAFallStillSaysItDoesNotRemovePlaqueCalcium() {
        SerialScanReport r = SerialScans.analyse(List.of(scan(D0, 80), scan(D0.plusYears(3), 120)),
                new SerialContext(Sex.MALE, true, false));
        String text = String.join("\n", r.paragraphs());
        assertThat(text).contains("no consistent evidence that it removes calcium").doesNotContain("The score fell");
    }

    @Test
    void zeroStayingZeroHasNoExpectedChangeAndNoFall() {
        SerialScanReport r = SerialScans.analyse(List.of(scan(D0, 0), scan(D0.plusYears(5), 0)), MAN);
        assertThat(r.overall().verdict()).isEqualTo(ScanInterval.Verdict.WITHIN_INTERSCAN_VARIABILITY);
        assertThat(String.join("\n", r.paragraphs())).contains("The first score was 0").doesNotContain("fell");
        assertThat(r.overall().annualisedPercent()).isNaN();
    }

    @Test
    void scansUnderAYearApartGiveNoCompoundedPercentAndTheirDaysInWords() {
        // 19 days, 100 then 300 AU: compounding gave "+148603257829.8 % per year" and the text said "0.1 years"
        SerialScanReport r = SerialScans.analyse(List.of(scan(D0, 100), scan(D0.plusDays(19), 300)), MAN);
        assertThat(r.overall().annualisedPercent()).isNaN();
        String text = String.join("\n", r.paragraphs());
        assertThat(text).contains("(19 days)").contains("only 19 days apart").contains("Over 19 days that predicts")
                .doesNotContain("compounded").doesNotContain("0.1 years");
        // from a year on, the compounded rate is given
        assertThat(SerialScans.interval(scan(D0, 100), scan(D0.plusYears(1), 121), Sex.MALE).annualisedPercent())
                .isCloseTo(21.0, within(1e-9));
    }

    @Test
    void yearsFollowTheCalendarSoAYearApartIsOneYear() {
        // 2030-01-01 to 2031-01-01 is 365 days: by days / 365.25 it was 0.9993 years, and +100 AU read
        // "+100.1 AU per year" beside "1.0 years"
        LocalDate a = LocalDate.of(2030, 1, 1);
        ScanInterval i = SerialScans.interval(scan(a, 100), scan(a.plusYears(1), 200), Sex.MALE);
        assertThat(i.years()).isEqualTo(1.0);
        assertThat(i.annualisedChange()).isEqualTo(100.0);
        // across a leap day too, and the rest of a year as its share of that year
        assertThat(SerialScans.calendarYears(LocalDate.of(2023, 3, 1), LocalDate.of(2024, 3, 1))).isEqualTo(1.0);
        assertThat(SerialScans.calendarYears(LocalDate.of(2021, 3, 1), LocalDate.of(2024, 3, 15)))
                .isCloseTo(3 + 14 / 365.0, within(1e-12));
        assertThat(SerialInterpretation.span(i)).isEqualTo("1.0 years");
    }

    private static String text(SerialScanReport r) {
        return String.join("\n", r.paragraphs());
    }

    private static String twoScans(double first, double second, int years, SerialContext context) {
        return text(SerialScans.analyse(List.of(scan(D0, first), scan(D0.plusYears(years), second)), context));
    }

    @Test
    void theObservedScoreIsComparedWithTheMesaMedianOnlyBeyondInterscanVariability() {
        // a man at 100 AU, two years on: the MESA median (21 AU/y, Kronmal2007) predicts 142 AU; interscan
        // variability (Hokanson2004, sqrt method, 2.5) explains anything up to (10 + 2.5)^2 = 156.25 AU
        assertThat(twoScans(100, 200, 2, MAN)).contains("predicts a second score of about 142; the observed 200 is"
                + " more than that");
        assertThat(twoScans(100, 156.25, 2, MAN)).contains("the observed 156.3 is about that");
        assertThat(twoScans(100, 150, 2, MAN)).contains("the observed 150 is about that");
        assertThat(twoScans(100, 142, 2, MAN)).contains("the observed 142 is about that");
        assertThat(twoScans(100, 120, 2, MAN)).contains("the observed 120 is less than that");
        // exactly the prediction, far above the no-change band (1 AU: band to 12.25 AU), is "about", not "more"
        assertThat(twoScans(1, 211, 10, MAN)).contains("predicts a second score of about 211; the observed 211 is"
                + " about that");
        assertThat(twoScans(100, 150, 2, new SerialContext(Sex.FEMALE, false, false)))
                .contains("Among MESA women who already had coronary calcium the median rise was 14 AU per year")
                .contains("predicts a second score of about 128");
        assertThat(twoScans(100, 150, 2, MAN)).contains("Among MESA men who already had coronary calcium the median"
                + " rise was 21 AU per year");
    }

    @Test
    void theSummaryAndTheSquareRootSentenceGiveTheNumbersWithTheirSigns() {
        String rise = twoScans(100, 150, 2, MAN);
        // 1.5^(1/2) = 1.2247: +22.5 % per year; sqrt(150) - sqrt(100) = 2.247
        assertThat(rise).contains("From 2020-01-01 to 2022-01-01 (2.0 years) the Agatston score went from 100 to 150:"
                + " a change of +50 AU, +25 AU per year, or +22.5 % per year compounded.");
        assertThat(rise).contains("√150 − √100 = +2.25, and a change of at least 2.5 on that scale");
        assertThat(twoScans(100, 90, 2, MAN)).contains("a change of -10 AU, -5 AU per year, or -5.1 % per year");
        assertThat(twoScans(100, 100, 2, MAN)).contains("a change of 0 AU, 0 AU per year, or +0.0 % per year");
        assertThat(twoScans(12.5, 20, 2, MAN)).contains("went from 12.5 to 20: a change of +7.5 AU, +3.8 AU per year");
    }

    @Test
    void eachIntervalOfThreeScansIsNamedWithItsVerdict() {
        SerialScanReport r = SerialScans.analyse(List.of(scan(D0, 40), scan(D0.plusYears(2), 60),
                scan(D0.plusYears(4), 160)), MAN);
        // sqrt(60) - sqrt(40) = 1.42 (within), sqrt(160) - sqrt(60) = 4.90 (beyond 2.5)
        assertThat(r.paragraphs().get(1)).isEqualTo("Between consecutive scans: 2020-01-01 to 2022-01-01, +20 AU"
                + " (+10 AU per year, within interscan variability); 2022-01-01 to 2024-01-01, +100 AU (+50 AU per"
                + " year, significant progression).");
        SerialScanReport fall = SerialScans.analyse(List.of(scan(D0, 500), scan(D0.plusYears(2), 300),
                scan(D0.plusYears(4), 310)), MAN);
        assertThat(fall.paragraphs().get(1)).contains("-200 AU (-100 AU per year, fall beyond interscan variability);");
        // two scans are one interval: the overall sentence says it all
        assertThat(text(SerialScans.analyse(List.of(scan(D0, 40), scan(D0.plusYears(2), 60)), MAN)))
                .doesNotContain("Between consecutive scans");
    }

    @Test
    void aFallWithinVariabilitySaysSoAndOnlyAFallIsReadAsOne() {
        assertThat(twoScans(100, 90, 3, MAN)).contains("measurement variability (this one lies within it)");
        assertThat(twoScans(500, 300, 3, MAN)).contains("The score fell").doesNotContain("this one lies within it");
        SerialScanReport same = SerialScans.analyse(List.of(scan(D0, 100), scan(D0.plusYears(3), 100)), MAN);
        assertThat(same.scoreFell()).isFalse();
        assertThat(text(same)).doesNotContain("The score fell");
        assertThat(SerialScans.analyse(List.of(scan(D0, 100), scan(D0.plusYears(3), 99)), MAN).scoreFell()).isTrue();
    }

    @Test
    void vitaminK2AndStatinParagraphsFollowTheDirectionOfTheChange() {
        SerialContext k2 = new SerialContext(Sex.MALE, true, false);
        assertThat(twoScans(100, 90, 3, k2)).contains("A fall seen while taking vitamin K2 is therefore most likely"
                + " non-plaque (medial) calcium").doesNotContain("did not fall on vitamin K2");
        assertThat(twoScans(100, 130, 3, k2)).contains("A score that did not fall on vitamin K2 is what that evidence"
                + " leads one to expect").doesNotContain("A fall seen while taking vitamin K2");
        SerialContext statin = new SerialContext(Sex.MALE, false, true);
        assertThat(twoScans(100, 130, 3, statin)).contains("A rising score on a statin is therefore not by itself");
        assertThat(twoScans(100, 100, 3, statin)).doesNotContain("on a statin");
        assertThat(twoScans(100, 90, 3, statin)).doesNotContain("on a statin");
        assertThat(twoScans(100, 130, 3, MAN)).doesNotContain("on a statin");
    }

    @Test
    void fromZeroThereIsNoCompoundedPercentNoMesaMedianAndNoKronmalReference() {
        SerialScanReport fromZero = SerialScans.analyse(List.of(scan(D0, 0), scan(D0.plusYears(3), 50)), MAN);
        assertThat(fromZero.overall().annualisedPercent()).isNaN();
        assertThat(text(fromZero)).doesNotContain("compounded").contains("The first score was 0");
        assertThat(fromZero.references()).doesNotContain(SerialInterpretation.KRONMAL);
        assertThat(SerialScans.analyse(List.of(scan(D0, 1), scan(D0.plusYears(3), 50)), MAN).references())
                .contains(SerialInterpretation.KRONMAL);
    }

    @Test
    void aYearApartIsLongEnoughToGoWithoutTheShortIntervalCaution() {
        LocalDate a = LocalDate.of(2030, 1, 1);
        String oneYear = text(SerialScans.analyse(List.of(scan(a, 100), scan(a.plusYears(1), 200)), MAN));
        assertThat(oneYear).doesNotContain("only").contains("compounded");
        String shorter = text(SerialScans.analyse(List.of(scan(a, 100), scan(a.plusDays(364), 200)), MAN));
        assertThat(shorter).contains("The scans are only 364 days apart");
    }
}
