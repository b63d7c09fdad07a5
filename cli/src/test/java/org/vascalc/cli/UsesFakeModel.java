package org.vascalc.cli;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class's commands on {@link FakeModel} ({@code @ExtendWith(UsesFakeModel.class)}): selected
 * through the {@code vascalc.simulatorFactory} property before the class's tests, cleared after them.
 */
final class UsesFakeModel implements BeforeAllCallback, AfterAllCallback {

    static final String FACTORY = "vascalc.simulatorFactory";

    @Override
    public void beforeAll(ExtensionContext context) {
        System.setProperty(FACTORY, FakeModel.class.getName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.clearProperty(FACTORY);
    }
}
