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
}
