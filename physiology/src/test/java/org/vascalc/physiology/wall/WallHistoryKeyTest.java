package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;

/**
 * The histories' catalog key leaves out only parameters no history reads
 * ({@link WallBlock#NOT_READ_BY_HISTORIES}): catalogs that differ in those alone, as a cohort member's
 * does from the base catalog, integrate every history to the same bits, so sharing them across
 * members cannot make a member's result depend on who ran first; a parameter a history reads changes
 * the key and the history.
 */
class WallHistoryKeyTest {

    private static final List<Patient> PATIENTS = List.of(Patient.referenceAdult(), TestPatients.woman(47),
            TestPatients.diabeticSmoker(63), TestPatients.ckd3(71), TestPatients.haemodialysis(58));
    private static final List<Susceptibility> SUSCEPTIBILITIES = List.of(Susceptibility.TYPICAL,
            new Susceptibility(1.3, 0.8));

    @Test
    void catalogsDifferingOnlyInWhatNoHistoryReadsShareTheKeyAndTheBits() {
        ParameterCatalog base = WallBlock.defaultCatalog();
        WallBlock plain = new WallBlock(base);
        int compared = 0;
        for (String name : WallBlock.NOT_READ_BY_HISTORIES) {
            if (!base.contains(name)) {
                continue;
            }
            for (double value : new double[] {0.5, 2.0}) {
                ParameterCatalog own = base.with(Map.of(name, value));
                assertThat(own.sha256()).isNotEqualTo(base.sha256());
                assertThat(WallBlock.historyCatalogSha256(own)).as(name).isEqualTo(WallBlock.historyCatalogSha256(base));
                WallBlock wall = new WallBlock(own);
                for (Patient p : PATIENTS) {
                    for (Susceptibility s : SUSCEPTIBILITIES) {
                        assertThat(wall.integrateHistory(p, s)).as(name + " " + p.id())
                                .containsExactly(plain.integrateHistory(p, s));
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(3 * 2 * PATIENTS.size() * SUSCEPTIBILITIES.size());
    }

    @Test
    void aParameterAHistoryReadsChangesTheKeyAndTheHistory() {
        ParameterCatalog base = WallBlock.defaultCatalog();
        ParameterCatalog other = base.with(Map.of("historyStepYears", 0.1));
        assertThat(WallBlock.historyCatalogSha256(other)).isNotEqualTo(WallBlock.historyCatalogSha256(base));
        Patient p = TestPatients.diabeticSmoker(63);
        assertThat(new WallBlock(other).integrateHistory(p, Susceptibility.TYPICAL))
                .isNotEqualTo(new WallBlock(base).integrateHistory(p, Susceptibility.TYPICAL));
    }
}
