package org.vascalc.physiology.mineral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.vascalc.core.param.ParameterCatalog;
import org.junit.jupiter.api.Test;

/**
 * The mineral and FGF23 parameter records are read once per catalog ({@link MineralParameters#from}):
 * the same catalog gives the kept record, another catalog (a changed value) its own values, and
 * going back gives the first catalog's values again, never a stale record.
 */
class ParametersReadOnceTest {

    @Test
    void aCatalogGivesItsOwnValuesAndTheSameCatalogTheKeptRecord() {
        ParameterCatalog base = MineralBlock.defaultParameters();
        ParameterCatalog changed = base.with(Map.of("ecfVolume", 15.0, "fgf23NephronGamma", 0.75));
        MineralParameters first = MineralParameters.from(base);
        assertThat(MineralParameters.from(base)).isSameAs(first);
        assertThat(first.ecfVolume()).isEqualTo(base.value("ecfVolume"));
        MineralParameters other = MineralParameters.from(changed);
        assertThat(other.ecfVolume()).isEqualTo(15.0);
        assertThat(Fgf23Parameters.from(base).nephronGamma()).isEqualTo(base.value("fgf23NephronGamma"));
        assertThat(Fgf23Parameters.from(changed).nephronGamma()).isEqualTo(0.75);
        MineralParameters again = MineralParameters.from(base);
        assertThat(again).isEqualTo(first);
        assertThat(again.ecfVolume()).isEqualTo(base.value("ecfVolume"));
        assertThat(Fgf23Parameters.from(base).nephronGamma()).isEqualTo(base.value("fgf23NephronGamma"));
    }
}
