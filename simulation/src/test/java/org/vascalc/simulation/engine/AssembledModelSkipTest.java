package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.vitamink.VitaminKBlock;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * {@link AssembledModel#skip}'s contract: a skipped block is left out of the full call (fast mode's
 * orbit system while it propagates the vitamin K block in closed form), and the FAST-only calls are
 * never made while a block is skipped (they no longer test for one: the assertion says so).
 */
class AssembledModelSkipTest {

    private final Scenario scenario = Scenarios.of("skip", 1, Recording.every(24));
    private final ParameterCatalog parameters = ModelAssembly.defaultParameters();
    private final List<Block> blocks = ModelAssembly.standardBlocks(parameters);
    private final AssembledModel model = new AssembledModel(blocks, new DriverCourse(scenario, parameters));
    private final double[] y = InitialisedModels.initialState(model, scenario.patient());
    private final Block vitaminK = blocks.stream().filter(b -> b instanceof VitaminKBlock).findFirst().orElseThrow();

    @Test
    void aSkippedBlockIsLeftOutOfTheFullCall() {
        int n = model.dimension();
        double[] all = new double[n];
        double[] own = new double[n];
        double[] without = new double[n];
        model.derivatives(10, y, all);
        model.blockRates(vitaminK, 10, y, own);
        model.skip(vitaminK);
        model.derivatives(10, y, without);
        model.skip(null);
        boolean ownWritesSomething = false;
        for (int i = 0; i < n; i++) {
            ownWritesSomething |= own[i] != 0;
            // the same terms summed without the block's: equal but for the sum's rounding
            double scale = Math.abs(all[i]) + Math.abs(own[i]) + Math.abs(without[i]);
            assertThat(without[i] + own[i]).as("row %d", i).isCloseTo(all[i], within(1e-12 * scale));
        }
        assertThat(ownWritesSomething).as("the vitamin K block writes some row").isTrue();
    }

    @Test
    void theFastOnlyCallsAreNotMadeWhileABlockIsSkipped() {
        double[] dydt = new double[model.dimension()];
        model.skip(vitaminK);
        assertThatThrownBy(() -> model.fastDerivatives(10, y, dydt)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("skipped");
        assertThatThrownBy(() -> model.fastRowDerivatives(10, y, dydt)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("skipped");
        model.skip(null);
        model.fastDerivatives(10, y, dydt);
        model.fastRowDerivatives(10, y, dydt);
    }
}
