package org.vascalc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.vascalc.core.param.ParameterCatalog;

/** File checks shared by the commands: a user's path mistake is exit 1 with a sentence, not a trace. */
final class CliFiles {

    private CliFiles() {
    }

    static ParameterCatalog readCatalog(Path csv) {
        try {
            return ParameterCatalog.parse(Files.readString(csv, StandardCharsets.UTF_8), csv.toString());
        } catch (NoSuchFileException e) {
            throw new UserInputException("parameter catalog " + csv + " does not exist");
        } catch (IOException e) {
            throw new UserInputException("cannot read parameter catalog " + csv + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("parameter catalog " + e.getMessage(), e);
        }
    }

    /** Creates the folder if needed; fails early (before a long run) if it cannot be written. */
    static void requireWritableFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserInputException("cannot create output folder " + dir + ": " + e, e);
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new UserInputException("output folder " + dir + " is not a writable folder");
        }
    }
}
