package org.vascalc.cli;

import picocli.CommandLine;

/** Version and commit of this build, for {@code --version} and for provenance on outputs. */
public final class BuildInfo {

    private BuildInfo() {
    }

    public static String version() {
        String v = BuildInfo.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The git commit: system property {@code vascalc.commit}, else what the launcher found (VASCALC_COMMIT), or "unknown". */
    public static String commit() {
        String c = System.getProperty("vascalc.commit", System.getenv("VASCALC_COMMIT"));
        return c == null || c.isBlank() ? "unknown" : c.strip();
    }

    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vascalc " + version() + " (commit " + commit() + ")"};
        }
    }
}
