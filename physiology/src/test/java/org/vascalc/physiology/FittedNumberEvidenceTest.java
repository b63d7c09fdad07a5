package org.vascalc.physiology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vascalc.core.evidence.Evidence;
import org.vascalc.core.param.Parameter;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.physiology.mineral.MineralBlock;
import org.vascalc.physiology.vitamink.VitaminKBlock;
import org.vascalc.physiology.wall.WallBlock;

/**
 * The style guide: calibrated and derived numbers never pretend to be literature. A value that one of our
 * runners ({@code BinderRateFitRunner}, {@code EventLevelRunner}, ...) found by running the model against
 * a study is the model's number, not the paper's: its evidence is {@code derived} (or {@code calibrated}),
 * with the study's key in the rule.
 */
class FittedNumberEvidenceTest {

    /** A class of ours that runs the model to find a number. */
    private static final Pattern RUNNER = Pattern.compile("\\b[A-Z]\\w*Runner\\b");

    @Test
    void noLiteratureNumberNamesARunnerOfTheModel() {
        List<ParameterCatalog> catalogs = List.of(MineralBlock.defaultParameters(),
                ParameterCatalog.fromResource(VitaminKBlock.class, VitaminKBlock.CATALOG), WallBlock.defaultCatalog());
        for (ParameterCatalog catalog : catalogs) {
            for (Parameter p : catalog.parameters()) {
                if (p.evidence() instanceof Evidence.Literature l) {
                    assertThat(RUNNER.matcher(l.locator()).find())
                            .as("%s is 'literature' but its locator names a runner of the model: %s", p.name(), l.locator())
                            .isFalse();
                }
            }
        }
    }

    @Test
    void binderRateIsTheModelFittedToTheBalanceStudy() {
        Parameter p = MineralBlock.defaultParameters().get("binderRate");
        assertThat(p.evidence()).isInstanceOf(Evidence.Derived.class);
        assertThat(((Evidence.Derived) p.evidence()).rule())
                .contains("Martin2011LanthanumSevelamerBalance").contains("BinderRateFitRunner").contains("63.2");
    }
}
