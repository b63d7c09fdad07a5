package org.vascalc.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vascalc.cli.VasCalc;
import org.vascalc.simulation.scenario.ProjectFiles;
import picocli.CommandLine;

/**
 * The repository's Markdown tells the truth about what it points at (standing requirement 7): every
 * relative link resolves to a file (and to a heading of it), every repository path written as code
 * exists, and every {@code ./vascalc} command line names a command and options that exist with that
 * spelling and values of their type. {@link MarkdownLinksTest} shows each check failing.
 */
class DocumentationTest {

    private static final Path ROOT = ProjectFiles.require("docs/architecture.md").getParent().getParent();

    @Test
    void everyRelativeLinkInTheReadmesAndDocsResolves() {
        List<Path> files = MarkdownLinks.markdownFiles(ROOT);
        assertThat(files).as("the files read").contains(ROOT.resolve("README.md"), ROOT.resolve("docs/architecture.md"),
                ROOT.resolve("cli/README.md"), ROOT.resolve("docs/model/wall.md"));
        List<String> problems = new ArrayList<>();
        files.forEach(f -> problems.addAll(MarkdownLinks.linkProblems(ROOT, f)));
        assertThat(problems).isEmpty();
        long links = files.stream().mapToLong(f -> MarkdownLinks.linkTargets(MarkdownLinks.read(f)).size()).sum();
        assertThat(links).as("links read").isGreaterThan(30);
    }

    /** docs/performance-log.md is a record of past sessions (it names files as they were) and is not read. */
    @Test
    void everyRepositoryPathWrittenAsCodeExists() {
        List<String> problems = new ArrayList<>();
        MarkdownLinks.markdownFiles(ROOT).stream().filter(f -> !isRecord(f))
                .forEach(f -> problems.addAll(MarkdownLinks.codePathProblems(ROOT, f)));
        assertThat(problems).isEmpty();
    }

    private static boolean isRecord(Path f) {
        return f.endsWith(Path.of("docs", "performance-log.md"));
    }

    /**
     * Every {@code ./vascalc} line parses as the program parses it (an unknown command or option, or a
     * value of the wrong type, fails). Placeholders in the command's place ({@code COMMAND},
     * {@code ...}) are skipped. docs/performance-log.md is a record of past sessions and is not read.
     */
    @Test
    void everyVascalcCommandLineInTheDocsParses() {
        List<String> problems = new ArrayList<>();
        int read = 0;
        for (Path f : MarkdownLinks.markdownFiles(ROOT)) {
            if (isRecord(f)) {
                continue;
            }
            for (List<String> args : MarkdownLinks.vascalcCommands(MarkdownLinks.read(f))) {
                String problem = parseProblem(args);
                if (problem == null) {
                    problem = missingInput(args);
                }
                if (problem != null) {
                    problems.add(ROOT.relativize(f) + ": ./vascalc " + String.join(" ", args) + ": " + problem);
                }
                read++;
            }
        }
        assertThat(problems).isEmpty();
        assertThat(read).as("command lines read").isGreaterThan(40);
    }

    /** README names every command, each as it is spelled, and its first command is the flagship. */
    @Test
    void theReadmeShowsEveryCommandAndTheTwoCommandsFirst() throws Exception {
        MarkdownLinks.Page readme = MarkdownLinks.read(ROOT.resolve("README.md"));
        Set<String> named = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (List<String> args : MarkdownLinks.vascalcCommands(readme)) {
            String problem = parseProblem(args);
            if (problem != null) {
                problems.add("./vascalc " + String.join(" ", args) + ": " + problem);
            }
            if (!args.isEmpty() && !args.get(0).startsWith("-")) {
                named.add(args.get(0));
            }
        }
        assertThat(problems).isEmpty();
        Set<String> commands = new TreeSet<>(new CommandLine(new VasCalc()).getSubcommands().keySet());
        commands.remove("help");
        assertThat(named).as("commands README names").containsAll(commands);
        String text = Files.readString(ROOT.resolve("README.md"));
        String twoCommands = text.substring(text.indexOf("## The two commands"), text.indexOf("## Other commands"));
        assertThat(twoCommands).contains("./vascalc flagship").contains("./mvnw -B verify");
        assertThat(twoCommands.indexOf("./vascalc flagship")).isLessThan(twoCommands.indexOf("./mvnw -B verify"));
    }

    /**
     * cli/README.md's table of commands has a row for every command, and each row names every option of
     * its command by one of its names, except where the row says the rest in one word ({@code [flags]},
     * {@code [scoring options]}). Its rows had fallen behind the options (simulate's --no-chart, the
     * --parameters and --set of cohort, validate and calibrate).
     */
    @Test
    void theCliReadmeNamesEveryCommandAndItsOptions() throws Exception {
        Map<String, String> rows = new TreeMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("cli/README.md"))) {
            if (line.startsWith("| `") && !line.startsWith("| `/")) {
                String cell = line.substring(2, line.indexOf(" | ", 2));
                rows.merge(cell.substring(1).split("[ `]")[0], cell, String::concat);
            }
        }
        List<String> problems = new ArrayList<>();
        new CommandLine(new VasCalc()).getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return;
            }
            String cell = rows.get(name);
            if (cell == null) {
                problems.add(name + ": no row");
                return;
            }
            boolean restInOneWord = cell.contains("[flags]") || cell.contains("options]");
            for (CommandLine.Model.OptionSpec o : sub.getCommandSpec().options()) {
                boolean named = Arrays.stream(o.names())
                        .anyMatch(n -> Pattern.compile(Pattern.quote(n) + "(?![A-Za-z-])").matcher(cell).find());
                if (!named && !o.usageHelp() && !o.versionHelp() && !restInOneWord) {
                    problems.add(name + ": " + String.join("/", o.names()));
                }
            }
        });
        assertThat(problems).as("commands or options cli/README.md's table does not name").isEmpty();
        assertThat(rows).as("rows read").hasSizeGreaterThanOrEqualTo(11);
    }

    /**
     * docs/library.md's build line, which says it builds "as the launcher does", passes the Maven options the
     * {@code ./vascalc} script passes. It had said {@code -DskipTests} after the launcher moved to
     * {@code -Dmaven.test.skip=true} (which does not compile the tests either).
     */
    @Test
    void theLibraryGuidesBuildLineIsTheLaunchers() throws Exception {
        String launcherLine = Files.readAllLines(ROOT.resolve("vascalc")).stream()
                .filter(l -> l.contains("/mvnw\"") && l.contains(" package "))
                .findFirst().orElseThrow(() -> new AssertionError("the launcher's Maven line"));
        List<String> launcherOptions = Arrays.stream(launcherLine.split("\\s+"))
                .filter(w -> w.startsWith("-D") || w.equals("package") || w.equals("-pl") || w.equals("cli")
                        || w.equals("-am"))
                .toList();
        assertThat(launcherOptions).as("the launcher's options").contains("package", "-am").isNotEmpty();
        String guideLine = Files.readAllLines(ROOT.resolve("docs/library.md")).stream()
                .filter(l -> l.startsWith("./mvnw") && l.contains("as the launcher does"))
                .findFirst().orElseThrow(() -> new AssertionError("docs/library.md's line built as the launcher does"));
        List<String> guideWords = Arrays.asList(guideLine.substring(0, guideLine.indexOf('#')).trim().split("\\s+"));
        assertThat(guideWords).as("docs/library.md: " + guideLine).containsAll(launcherOptions);
        assertThat(guideWords.stream().filter(w -> w.startsWith("-D")).toList())
                .as("docs/library.md's -D options against the launcher's").isEqualTo(
                        launcherOptions.stream().filter(w -> w.startsWith("-D")).toList());
    }

    private static final Set<String> OUTPUT_OPTIONS = Set.of("--out", "--write", "--db", "--png");

    /** An input file of the repository ({@code examples/...yaml}) that a command line names but that does not exist. */
    static String missingInput(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = a.startsWith("--") && a.contains("=") ? a.substring(a.indexOf('=') + 1) : a;
            boolean output = i > 0 && OUTPUT_OPTIONS.contains(args.get(i - 1))
                    || a.contains("=") && OUTPUT_OPTIONS.contains(a.substring(0, a.indexOf('=')));
            if (!output && value.matches("(examples|docs)/[A-Za-z0-9_./-]+\\.(yaml|yml|json|csv)") && !Files.exists(ROOT.resolve(value))) {
                return value + " does not exist";
            }
        }
        return null;
    }

    private static CommandLine parser;

    /** Why {@code args} would not parse as {@code vascalc}'s arguments, or null if they do (or are a placeholder). */
    static synchronized String parseProblem(List<String> args) {
        if (!args.isEmpty() && (args.get(0).equals("...") || args.get(0).matches("[A-Z][A-Z_]*"))) {
            return null;
        }
        if (parser == null) {
            parser = new CommandLine(new VasCalc()); // picocli resets every option before each parse
        }
        try {
            parser.parseArgs(args.toArray(String[]::new));
            return null;
        } catch (CommandLine.ParameterException e) {
            return e.getMessage();
        }
    }
}
