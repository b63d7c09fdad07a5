package org.vascalc.core.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reports (docs/trials.md "As run") name conditions in words, not as record dumps. */
class ConditionDescribeTest {

    @Test
    void haemodialysisNamesOnlyWhatTheFileSet() {
        assertThat(new Condition.Haemodialysis().describe()).isEqualTo("haemodialysis");
        assertThat(Condition.Haemodialysis.withDialysateCalcium(1.25).describe())
                .isEqualTo("haemodialysis, dialysate calcium 1.25 mmol/L");
        assertThat(Condition.Haemodialysis.withResidualGfr(2).describe())
                .isEqualTo("haemodialysis, residual GFR 2 mL/min");
    }

    @Test
    void kidneyCoursesReadAsEgfr() {
        assertThat(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G4).describe())
                .matches("eGFR [0-9.]+ mL/min/1\\.73 m²");
        assertThat(new Condition.KidneyFunctionCourse(List.of(new Condition.GfrPoint(0, 45),
                new Condition.GfrPoint(5, 30.5))).describe())
                .isEqualTo("eGFR course 45 at year 0, 30.5 at year 5 (mL/min/1.73 m²)");
        assertThat(new Condition.Diabetes().describe()).isEqualTo("diabetes");
    }

    @Test
    void aKidneyCourseNeedsIncreasingTimesAndAnEgfrInItsRange() {
        new Condition.GfrPoint(0, 200); // the upper end is allowed
        assertThatThrownBy(() -> new Condition.GfrPoint(0, 0))
                .hasMessageContaining("eGFR must be in (0, 200]");
        assertThatThrownBy(() -> new Condition.GfrPoint(0, 200.5))
                .hasMessageContaining("got 200.5");
        assertThatThrownBy(() -> new Condition.KidneyFunctionCourse(List.of(
                new Condition.GfrPoint(1, 45), new Condition.GfrPoint(1, 40))))
                .hasMessageContaining("times must increase, got years = 1.0 then 1.0");
    }
}
