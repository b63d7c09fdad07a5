package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The version and commit that --version prints and every output's provenance records. */
class BuildInfoTest {

    private final String before = System.getProperty("vascalc.commit");

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("vascalc.commit");
        } else {
            System.setProperty("vascalc.commit", before);
        }
    }

    /** The property wins over the launcher's VASCALC_COMMIT, without its surrounding spaces. */
    @Test
    void theCommitIsThePropertyStripped() {
        System.setProperty("vascalc.commit", "  c62f7059\n");
        assertThat(BuildInfo.commit()).isEqualTo("c62f7059");
        assertThat(new BuildInfo.VersionProvider().getVersion())
                .containsExactly("vascalc " + BuildInfo.version() + " (commit c62f7059)");
    }

    /** A blank commit (a launcher outside git sets an empty one) is "unknown", not an empty provenance field. */
    @Test
    void aBlankCommitIsUnknown() {
        System.setProperty("vascalc.commit", "   ");
        assertThat(BuildInfo.commit()).isEqualTo("unknown");
    }

    /** Classes run from a build folder, not a jar, have no manifest version: "dev". */
    @Test
    void aBuildWithoutAJarManifestIsDev() {
        assertThat(BuildInfo.class.getPackage().getImplementationVersion()).isNull();
        assertThat(BuildInfo.version()).isEqualTo("dev");
    }

    /** Neither the property nor VASCALC_COMMIT: "unknown". */
    @Test
    void noCommitAtAllIsUnknown() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("VASCALC_COMMIT") == null);
        System.clearProperty("vascalc.commit");
        assertThat(BuildInfo.commit()).isEqualTo("unknown");
    }
}
