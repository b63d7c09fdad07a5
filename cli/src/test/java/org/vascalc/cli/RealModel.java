package org.vascalc.cli;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a command test class on the real engine instead of the command tests' fake simulator (which has
 * no population or trial parameters): {@code @ExtendWith(RealModel.class)}. Sets the factory property
 * before the class's tests and clears it after them.
 */
final class RealModel implements BeforeAllCallback, AfterAllCallback {

    static final String FACTORY = "vascalc.simulatorFactory";

    @Override
    public void beforeAll(ExtensionContext context) {
        System.setProperty(FACTORY, "org.vascalc.simulation.engine.EngineSimulatorFactory");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.clearProperty(FACTORY);
    }
}
