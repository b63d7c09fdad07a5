package org.vascalc.simulation.trial;

import java.util.HashMap;
import java.util.Map;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * The default parameter catalog with the what-if overrides of the development runners
 * ({@code -Dvascalc.scratch.override=name=value,name=value}); printed when any is given.
 */
final class WhatIfCatalog {

    private WhatIfCatalog() {
    }

    static ParameterCatalog fromSystemProperty() {
        ParameterCatalog cat = ModelAssembly.defaultParameters();
        String override = System.getProperty("vascalc.scratch.override", "");
        if (override.isBlank()) {
            return cat;
        }
        Map<String, Double> o = new HashMap<>();
        for (String kv : override.split(",")) {
            String[] parts = kv.split("=");
            o.put(parts[0].trim(), Double.parseDouble(parts[1].trim()));
        }
        System.out.println("what-if " + o);
        return cat.with(o);
    }
}
