package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.param.ParameterCatalog;

/** The standard model's blocks and the consistency of the numbers two catalogs hold in common. */
class ModelAssemblyTest {

    private static final ParameterCatalog CATALOG = ModelAssembly.defaultParameters();

    @Test
    void theDefaultCatalogHoldsOneExtracellularVolume() {
        assertThat(CATALOG.value("ecfVolume")).isEqualTo(CATALOG.value("ecfVolumeL"));
        assertThat(ModelAssembly.standardBlocks(CATALOG)).hasSize(3);
    }

    @Test
    void aCatalogThatMovesOneCopyOfTheVolumeAloneIsRefusedNamingBoth() {
        ParameterCatalog oneCopy = CATALOG.with(Map.of("ecfVolume", 15.0));
        assertThatThrownBy(() -> ModelAssembly.standardBlocks(oneCopy))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ecfVolumeL").hasMessageContaining("ecfVolume = 15.0 L")
                .hasMessageContaining("12 to 16 L");
        // both moved together is a valid catalog
        assertThat(ModelAssembly.standardBlocks(CATALOG.with(Map.of("ecfVolume", 15.0, "ecfVolumeL", 15.0))))
                .hasSize(3);
    }

    @Test
    void theEngineAloneHasNoWallAndNoSecondCopy() {
        ParameterCatalog oneCopy = CATALOG.with(Map.of("ecfVolume", 15.0));
        assertThat(ModelAssembly.standardBlocks(oneCopy, false)).hasSize(2);
    }
}
