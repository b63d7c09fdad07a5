package org.vascalc.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.vascalc.core.files.TemporaryOnExit;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.input.ModelDomainException;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.CatalogCheck;
import org.vascalc.simulation.ParameterOverrides;

/** File checks shared by the commands: a user's path mistake is exit 1 with a sentence, not a trace. */
public final class CliFiles {

    private CliFiles() {
    }

    /**
     * {@code csv} read as the catalog a run uses instead of the model's, refused (exit 1) unless it
     * holds exactly the model's parameters. review9: a catalog of one changed row ran until the mineral
     * block asked for the first parameter it lacked, an internal error with a stack trace (exit 2), and
     * a misspelt name would have been carried along unread. {@code model} null (a test double without
     * a catalog): not compared.
     */
    static ParameterCatalog readCatalog(Path csv, ParameterCatalog model) {
        ParameterCatalog read = readCatalog(csv);
        if (model == null) {
            return read;
        }
        List<String> parts = CatalogCheck.nameProblems(read, model);
        if (parts.isEmpty()) {
            requireModelUnitsAndRanges(csv, read, model);
            return read;
        }
        throw new UserInputException("parameter catalog " + csv + " " + String.join(" and ", parts) + "; --parameters "
                + "takes a complete catalog with the model's names (docs/model/parameters.md), such as the "
                + "one 'vascalc parameters --write FILE' writes, with the values you want changed");
    }

    /**
     * Each value of {@code read} in the model's unit and inside the model's plausible range (review17): the
     * catalog's own unit, low and high columns were taken as written, so a unit changed to 1/min ran the number
     * as 1/h without a word, and a range widened in the file let any value through that --set refuses.
     * Every problem at once, one line each (name, value, unit, the model's range); the check is
     * {@link CatalogCheck}'s, which the library's {@code SimulatorFactory.create} makes too (staticfree).
     */
    private static void requireModelUnitsAndRanges(Path csv, ParameterCatalog read, ParameterCatalog model) {
        List<String> problems = CatalogCheck.unitAndRangeProblems(read, model);
        if (!problems.isEmpty()) {
            throw new UserInputException(String.join("\nvascalc: ", problems.stream()
                    .map(x -> "parameter catalog " + csv + ": " + x).toList()));
        }
    }

    /**
     * A {@code --parameters} catalog file read once: the catalog a run starts from (the model's own without a file) and
     * its values that differ from the model's, each with the model's as its default (empty without a file, or for a
     * model without a catalog); values --set over the file are listed by --set, with the file's value as their default.
     * leftovers26: the file was read twice, once for the run's parameter set and once for the changes printed.
     *
     * @param file    the file given, or null for the model's own catalog
     * @param catalog the catalog read from {@code file}, or the model's
     */
    record CatalogFile(Path file, ParameterCatalog catalog, List<ParameterOverrides.Change> changes) {
        CatalogFile {
            changes = List.copyOf(changes);
        }
    }

    /** {@code csv} read as {@link #readCatalog(Path, ParameterCatalog)} reads it (exit 1 for a wrong catalog), once. */
    static CatalogFile catalogFile(Path csv, ParameterCatalog model) {
        if (csv == null) {
            return new CatalogFile(null, model, List.of());
        }
        ParameterCatalog read = readCatalog(csv, model);
        return new CatalogFile(csv, read, model == null ? List.of()
                : ParameterOverrides.differences(model, read, java.util.Set.of()));
    }

    /**
     * The console line of a run on the catalog {@code csv}: its values that differ from the model's, or that
     * none does (review17: a changed catalog ran without a word of what it changed).
     */
    static String describeCatalog(Path csv, List<ParameterOverrides.Change> differences) {
        return differences.isEmpty() ? "parameters catalog " + csv + ": every value is the model's"
                : "parameters catalog " + csv + ": " + differences.size() + " value(s) differ from the model's: "
                        + String.join("; ", differences.stream().map(ParameterOverrides.Change::toString).toList());
    }

    /**
     * The one "catalog changes" step of every command that takes {@code --parameters} (simulate, calibrate, cohort,
     * trial, validate, sensitivity): the values of the catalog file that differ from the model's, printed as
     * {@link #describeCatalog}'s line on {@code out} when a file is given (nothing without one, so a run on the
     * model's own catalog prints what it did). catalognames: cohort, trial, validate and sensitivity ran a changed
     * catalog with no trace of it but a hash. A wrong catalog is exit 1 when read ({@link #catalogFile}).
     */
    static List<ParameterOverrides.Change> printCatalogChanges(java.io.PrintWriter out, CatalogFile catalog) {
        if (catalog.file() != null) {
            out.println(describeCatalog(catalog.file(), catalog.changes()));
        }
        return catalog.changes();
    }

    /**
     * The provenance line of a written page or report run on the catalog {@code csv} ({@link #describeCatalog}'s
     * words, on a line of its own), or "" without a file: a page made with the model's own catalog is unchanged.
     */
    static String catalogProvenanceLine(Path csv, List<ParameterOverrides.Change> changes) {
        return csv == null ? "" : "\n" + describeCatalog(csv, changes);
    }

    /**
     * The parameter set a run uses: the model's defaults or the complete catalog file, with the
     * values of {@code sets} ({@code --set NAME=VALUE}, {@link ParameterOverrides}) replaced. A bad
     * name or value is exit 1 with one line per problem (name, value, unit, allowed range; the nearest
     * names for an unknown one). No {@code --set}: the catalog as before, so the run is unchanged.
     */
    static ParameterOverrides.Result parameterSet(CatalogFile catalog, List<String> sets) {
        ParameterCatalog base = catalog.catalog();
        if (sets == null || sets.isEmpty()) {
            return new ParameterOverrides.Result(base, List.of());
        }
        if (base == null) {
            throw new UserInputException("--set needs the model's parameter catalog, and this model has none");
        }
        try {
            return ParameterOverrides.apply(base, sets);
        } catch (InvalidInputException e) {
            throw setProblems(e);
        }
    }

    /** {@code --set}'s problems, one line each ({@code --set ASSIGNMENT: ...}). */
    private static UserInputException setProblems(InvalidInputException e) {
        return new UserInputException(String.join("\nvascalc: ", e.problems().stream()
                .map(pr -> "--set " + pr.path() + ": " + pr.message()).toList()), e);
    }

    /**
     * The parameter set of one scenario's run: the model's defaults or the catalog file, then the scenario
     * file's {@code parameters:} map, then {@code --set} (the command line wins over the file: a name in
     * both takes the {@code --set} value). No {@code parameters:} map: {@link #parameterSet} itself, so a
     * run is unchanged. A bad name or value in the map is reported like the file's other problems
     * ({@code scenario file F: parameters.NAME: ...}), every one at once. The changes list each value once,
     * its default the catalog's, its {@code why} saying it came from the file or from --set over the file.
     */
    static ParameterOverrides.Result scenarioParameterSet(CatalogFile catalog, List<String> sets,
                                                          Map<String, Double> fromFile, Object file) {
        if (fromFile.isEmpty()) {
            return parameterSet(catalog, sets);
        }
        ParameterCatalog base = catalog.catalog();
        if (base == null) {
            throw new UserInputException("scenario file " + file + ": parameters: needs the model's parameter "
                    + "catalog, and this model has none");
        }
        ParameterOverrides.Result scenario;
        try {
            scenario = ParameterOverrides.applyScenario(base, fromFile);
        } catch (InvalidInputException e) {
            throw new UserInputException(new InvalidInputException("scenario file " + file, e.problems()).getMessage(), e);
        }
        try {
            return ParameterOverrides.setOver(base, scenario, sets);
        } catch (InvalidInputException e) {
            throw setProblems(e);
        }
    }

    /** The console line of one scenario's values set by its {@code parameters:} map and --set. */
    static String describeScenario(String scenario, List<ParameterOverrides.Change> changes) {
        return "parameters " + changes.size() + " value(s) set for " + scenario + " (its parameters: map, then --set): "
                + String.join("; ", changes.stream().map(ParameterOverrides.Change::toString).toList());
    }

    /**
     * A cohort draws each member's own factors and replaces the catalog's by them
     * ({@code VirtualPopulation}): a {@code --set} of one would change nothing and say nothing, so it
     * is refused, pointing to the spread that is drawn from (the factors' SDs may be set).
     */
    static final Map<String, String> DRAWN_PER_MEMBER = Map.of(
            org.vascalc.simulation.cohort.VirtualPopulation.PLAQUE, "plaqueSusceptibilityLogSd",
            org.vascalc.simulation.cohort.VirtualPopulation.MEDIAL, "medialSusceptibilityLogSd",
            org.vascalc.simulation.cohort.VirtualPopulation.STIFFNESS, "aorticStiffnessLogSd",
            org.vascalc.simulation.cohort.VirtualPopulation.T50_RESIDUAL, "t50ResidualLogSd",
            org.vascalc.simulation.cohort.VirtualPopulation.VITAMIN_K_INTAKE, "vitaminKIntakeLogSd");

    /**
     * The parameter set of a command that runs virtual members (cohort, trial): {@link #parameterSet}, refused if it
     * sets a factor drawn for each member ({@link #requireNotDrawnPerMember}); then the values the catalog file
     * changes ({@link #printCatalogChanges}, a line only when a file is given) and the {@code --set} changes where
     * there are any are printed on {@code out}, in that order.
     */
    static MemberParameters memberParameterSet(Path csv, List<String> sets, ParameterCatalog model,
            java.io.PrintWriter out) {
        CatalogFile catalog = catalogFile(csv, model);
        ParameterOverrides.Result parameterSet = parameterSet(catalog, sets);
        requireNotDrawnPerMember(parameterSet.changes());
        // which values the catalog file changed (catalognames: a cohort or trial kept only its hash)
        List<ParameterOverrides.Change> fromCatalog = printCatalogChanges(out, catalog);
        if (!parameterSet.changes().isEmpty()) {
            out.println(describe(parameterSet.changes()));
        }
        return new MemberParameters(parameterSet, fromCatalog);
    }

    /** What {@link #memberParameterSet} gives: the set a run uses and the values its catalog file changed. */
    record MemberParameters(ParameterOverrides.Result set, List<ParameterOverrides.Change> fromCatalog) {
    }

    /** {@code --check-agreement N} of cohort and trial: absent (no check) or 1 to AgreementCheck.MAX_MEMBERS. */
    static void requireAgreementMembers(Integer checkAgreement) {
        int most = org.vascalc.simulation.trial.AgreementCheck.MAX_MEMBERS;
        if (checkAgreement != null && (checkAgreement < 1 || checkAgreement > most)) {
            throw new UserInputException("--check-agreement = " + Plural.count(checkAgreement, "member")
                    + " is outside the allowed range 1 to " + most + " members");
        }
    }

    static void requireNotDrawnPerMember(List<ParameterOverrides.Change> changes) {
        List<String> lines = changes.stream().filter(c -> DRAWN_PER_MEMBER.containsKey(c.name()))
                .map(c -> "--set " + c.name() + ": " + c.name() + " is each member's own factor, drawn for every member "
                        + "of a cohort (log-normal around 1, SD " + DRAWN_PER_MEMBER.get(c.name()) + "), so a value set "
                        + "here would not be used; set " + DRAWN_PER_MEMBER.get(c.name()) + " for the spread, or use "
                        + "simulate for one person")
                .toList();
        if (!lines.isEmpty()) {
            throw new UserInputException(String.join("\nvascalc: ", lines));
        }
    }

    /**
     * What to change when the model cannot run with a run's inputs ({@link ModelDomainException#hint()}):
     * the values moved from their defaults, if any, else {@code whenUnchanged} (may be empty). Which of several moved
     * values is to blame the model cannot say, so all are named.
     */
    public static String domainHint(List<ParameterOverrides.Change> changes, Path catalog, String whenUnchanged) {
        String fromCatalog = catalog == null ? "" : "the values of --parameters " + catalog + " that differ from the model's";
        if (changes.isEmpty()) {
            return !fromCatalog.isEmpty() ? "move " + fromCatalog + " back towards them" : whenUnchanged;
        }
        return "move the value(s) changed from their defaults back towards them: "
                + String.join("; ", changes.stream().map(ParameterOverrides.Change::toString).toList())
                + (fromCatalog.isEmpty() ? "" : "; or " + fromCatalog);
    }

    /** {@link #domainHint}'s advice for one scenario run on the model's own values: its patient. */
    public static final String CHECK_THE_PATIENT = "no parameter was changed from its default: check the patient's "
            + "values in the scenario (e.g. serum calcium, PTH, phosphate, eGFR) and move any unusual one towards a "
            + "typical value";

    /** The console line that says which values were set one by one (printed before a run's results). */
    static String describe(List<ParameterOverrides.Change> changes) {
        return "parameters " + changes.size() + " value(s) set with --set: "
                + String.join("; ", changes.stream().map(ParameterOverrides.Change::toString).toList());
    }

    /** A provenance text's line of the values set with --set ("" when none were: unchanged text). */
    static String overridesLine(List<ParameterOverrides.Change> changes) {
        return changes.isEmpty() ? "" : " (" + describe(changes).substring("parameters ".length()) + ")";
    }

    private static final String SET_WHAT = "Replaces one catalog parameter's value, in the catalog's unit and inside its "
            + "plausible range (docs/model/parameters.md); repeat for more. ecfVolume and ecfVolumeL, one "
            + "volume held twice, are set together; a number derived from the one set must be set too.";

    /**
     * Help texts of {@code --set}, one a command: each says where that command keeps the values set
     * (one shared text listed every command's place, and sensitivity's pointed at simulate's summary
     * JSON, which sensitivity never writes). Only simulate and sensitivity read a scenario file, so
     * only they say the option wins over its parameters: map.
     */
    private static final String SET_PRINTED = " The run's parameter-set hash changes and the values set are printed";

    private static final String SET_OVER_MAP = " Wins over the scenario file's parameters: map (applied first).";

    static final String SET_HELP_SIMULATE = SET_WHAT + SET_OVER_MAP + SET_PRINTED
            + " and kept in each summary JSON's provenance.parameterOverrides (and, with --db, the column parameter_overrides).";

    static final String SET_HELP_SENSITIVITY = SET_WHAT + SET_OVER_MAP + " The analysis varies each parameter around "
            + "the values set; they are printed, and with --write the page's command line and parameter-set hash keep them.";

    static final String SET_HELP_COHORT = SET_WHAT + SET_PRINTED
            + " (with --db, also in the column parameter_overrides of the table cohorts).";

    static final String SET_HELP_TRIAL = SET_WHAT + SET_PRINTED + " (with --write, also in the page's provenance).";

    static final String SET_HELP_VALIDATE = SET_WHAT + SET_PRINTED + " (with --write, also in the table's provenance).";

    static final String SET_HELP_CALIBRATE = SET_WHAT + SET_PRINTED + " and kept in calibration-report.md's provenance.";

    /**
     * The largest parameter catalog read, in bytes: the model's whole catalog is about 40 kB. A file far
     * larger is not a catalog (a trajectory CSV, a database), and /dev/zero read whole ended in an
     * OutOfMemoryError's trace (review12).
     */
    static final int MAX_CATALOG_BYTES = 10_000_000;

    static ParameterCatalog readCatalog(Path csv) {
        if (Files.isDirectory(csv)) {
            throw new UserInputException("parameter catalog " + csv + " is a folder; give the catalog's CSV file "
                    + "(e.g. one vascalc calibrate wrote)");
        }
        try {
            byte[] bytes = org.vascalc.core.input.FileKind.readAtMost(csv, MAX_CATALOG_BYTES + 1L);
            if (bytes.length > MAX_CATALOG_BYTES) {
                throw new UserInputException("parameter catalog " + csv + " holds more than " + MAX_CATALOG_BYTES / 1_000_000
                        + " MB; a catalog is a few tens of kB: is this the right file?");
            }
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                // Java's words were "Input length = 1"
                throw new UserInputException("parameter catalog " + csv + " is not UTF-8 text (is it a parameter "
                        + "catalog CSV? a spreadsheet saves one as \"CSV UTF-8\")", e);
            }
            // a spreadsheet's "CSV UTF-8" begins with a byte order mark, and the header then "must be
            // 'name,value,...'" though it read exactly that (review12)
            return ParameterCatalog.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, csv.toString());
        } catch (NoSuchFileException e) {
            throw new UserInputException("parameter catalog " + csv + " does not exist");
        } catch (IOException e) {
            throw new UserInputException("cannot read parameter catalog " + csv + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("parameter catalog " + e.getMessage(), e);
        }
    }

    /**
     * Checks, before a long run, that the output folder {@code dir} is a writable folder or could be
     * created, without creating it: a run that fails leaves no empty folder behind. The files'
     * writer ({@code AtomicFiles}) creates the folder when it writes the first file.
     */
    public static void requireFolderCanBeWritten(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserInputException("output folder " + dir + " exists and is not a folder; choose another --out folder");
        }
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new UserInputException("cannot create output folder " + dir + ": " + existing
                    + " is not a folder; choose another --out folder");
        }
        String refused = existing.equals(dir.toAbsolutePath())
                ? "cannot write in output folder " + dir
                : "cannot create output folder " + dir + ": cannot write in " + existing;
        probe(existing, refused); // not Files.isWritable: the probe's refusal words it as every command's (review14)
    }

    /**
     * Refuses, before a long run, a result file whose name is taken by a folder: found only when the file
     * is written, it would fail the command after the run, with the files before it already written.
     */
    public static void requireFilesCanBeWritten(List<Path> files) {
        for (Path file : files) {
            if (Files.isDirectory(file)) {
                throw new UserInputException("cannot write " + file + ": it is a folder; move it or choose another "
                        + "--out folder");
            }
        }
    }

    /**
     * Checks, before a long run, that a folder of results built beside {@code target} and then renamed
     * to it ({@code OutputFolder}) can be: the nearest existing folder above it takes new files.
     */
    public static void requireCanBeBuiltBeside(Path target) {
        Path existing = target.toAbsolutePath().normalize().getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new UserInputException("cannot create output folder " + target + ": " + existing
                    + " is not a folder; choose another --out folder");
        }
        probe(existing, "cannot write output folder " + target + ": cannot write in " + existing);
    }

    /**
     * The largest seed: one rule for every seed a user gives (the CLI's {@code --seed} and
     * {@code --parameter-seed}, and the web form's seed field): a whole number from 0 to 10^9.
     */
    public static final long MAX_SEED = 1_000_000_000L;

    /** Refuses a seed outside 0 to {@link #MAX_SEED}, naming the option, value and range. */
    public static void requireSeed(String option, long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new UserInputException(option + " = " + seed + " is outside the allowed range 0 to " + MAX_SEED);
        }
    }

    /**
     * Checks, before a long run, that {@code file} can be written: it is not a folder and its
     * folder exists and is writable, or could be created in the nearest folder above it that exists.
     * Creates nothing: a run refused after this check (a trial file, a catalog) left the created
     * folders behind (leftovers21); the file's writer ({@code AtomicFiles}) makes them when it writes.
     */
    public static void requireWritableFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new UserInputException("cannot write " + file + ": it is a folder; give a file name");
        }
        Path parent = file.toAbsolutePath().getParent();
        Path existing = parent;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new UserInputException("cannot write " + file + ": " + existing + " is a file, not a folder");
        }
        probe(existing, "cannot write " + file + ": cannot write in " + existing); // as above, not Files.isWritable
    }

    /**
     * Creates and deletes a hidden file in {@code folder}: permission bits alone do not tell, since
     * {@link Files#isWritable} answers yes to root on a read-only mount or on {@code /proc}, and the
     * run would then fail only when it writes its results. Public for the result database's check
     * of its folder ({@code ResultDatabase.requireUsable}).
     */
    public static void probe(Path folder, String refused) {
        TemporaryOnExit test;
        try {
            // created and watched at once, under the exit's gate: a Ctrl-C between its creation and its
            // deletion left the hidden probe file in the user's folder (writergate session)
            test = TemporaryOnExit.create(() -> Files.createTempFile(folder, ".vascalc-write-test-", ".tmp"));
        } catch (TemporaryOnExit.Exiting e) { // not the folder's fault
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            // the one wording of a place that takes no files, "... cannot write in FOLDER (why); choose another
            // place", for every command (review14: those that asked Files.isWritable first said "permission
            // denied on FOLDER", flagship and phantom this)
            throw new UserInputException(refused + " (" + reason(e) + "); choose another place", e);
        }
        try {
            Files.deleteIfExists(test.temp());
        } catch (IOException e) {
            // written, so writable; a probe file that cannot be deleted does no harm to the run
        }
        test.close(); // the hook removed; nothing left to delete
    }

    /** Why a file-system call failed, without the file's name (the caller names the user's path). */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "the file system does not take new files there";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * A file-system failure as a sentence for the user (not a Java class name). A hidden temporary
     * file of VasCalc's own ({@code .index.html-x1y2.tmp}, beside the output it becomes) is named by
     * its folder: the user never typed its name.
     */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null && isOwnTemporary(Path.of(f.getFile()))) {
            if (f.getOtherFile() != null) {
                // the rename onto the result failed (review19: a folder of its name, "Is a directory"): the result's
                // name is the one the user knows, the folder alone left them to guess which file
                return "cannot write " + f.getOtherFile() + " (" + reason(e) + ")";
            }
            Path folder = Path.of(f.getFile()).toAbsolutePath().getParent();
            return "cannot write in " + folder + " (" + reason(e) + ")";
        }
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + " does not exist (or a folder on its path is missing)";
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied on " + a.getFile();
        }
        if (e instanceof FileAlreadyExistsException f) {
            if (f.getReason() == null && f.getFile() != null && Files.isRegularFile(Path.of(f.getFile()))) {
                return f.getFile() + " is a file, not a folder"; // createDirectories on a path through a file
            }
            return f.getFile() + " already exists" + (f.getReason() == null ? "" : " and " + f.getReason());
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return (f.getFile() == null ? "" : f.getFile() + ": ") + f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * The temporaries' names: {@code AtomicFiles}' file and {@code OutputFolder}'s folder built beside its
     * target are both {@code "." + name + "-" + suffix + ".tmp"}, the suffix a random unsigned long in base 36
     * ({@code Long.toUnsignedString(n, 36)}: 1 to 13 of {@code [0-9a-z]}).
     */
    private static final Pattern OWN_TEMPORARY = Pattern.compile("\\..+-[0-9a-z]{1,13}\\.tmp");

    /**
     * A hidden sibling that {@code AtomicFiles} or {@code OutputFolder} writes before the rename (their
     * names, above); any other hidden name, such as {@code .my-results}, is the user's and named as typed.
     */
    private static boolean isOwnTemporary(Path file) {
        Path name = file.getFileName();
        return name != null && OWN_TEMPORARY.matcher(name.toString()).matches();
    }
}
