package org.vascalc.cli;

import java.nio.file.Path;

/**
 * Runs a test's body with the system property {@code vascalc.home} (where the commands look for the
 * checkout's examples) set to a folder, and puts back what it was after, also when the body fails.
 */
final class VascalcHome {

    private static final String PROPERTY = "vascalc.home";

    private VascalcHome() {
    }

    static void at(Path home, Runnable body) {
        String before = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, home.toString());
        try {
            body.run();
        } finally {
            if (before == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, before);
            }
        }
    }
}
