package org.vascalc.imaging.dicom;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where Debian's python3-pydicom keeps its public test files (installed by .ci/run). */
final class PydicomTestFiles {

    static final Path DIR = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private PydicomTestFiles() {
    }

    static Path require(String name) {
        Path p = DIR.resolve(name);
        assumeTrue(Files.exists(p), "pydicom test file " + p + " missing: install the Debian package python3-pydicom");
        return p;
    }
}
