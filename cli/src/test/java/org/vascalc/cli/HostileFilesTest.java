package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of file a user hands the command line (scenario YAML and JSON, calibration scenarios, trial
 * files, phantom specs, patient files, parameter catalogs), each shipped example mutated many ways by a fixed-seed generator
 * ({@link Mutator}) and run through the real command in-process. Requirement 6: whatever the input, the
 * command ends with exit 0 or 1, never 2 nor an exception; stderr carries no Java stack frame; an exit 1
 * names the file or the field; and no output is left behind by an exit 1.
 *
 * <p>Scenarios run for real on {@link FakeModel} (fast); trials, phantoms and patients take a
 * validation-only path: the file is read and checked, then the command is stopped by an output place
 * it refuses (trial {@code --write} an existing folder, phantom {@code --out} an existing file), so no trial or CT is run; {@code risk} computes in microseconds and writes nothing.
 */
@ExtendWith(UsesFakeModel.class)
class HostileFilesTest {

    /** Mutants of each kind per example file; the whole test stays well under a minute. */
    private static final int PER_KIND = 2;
    private static final long SEED = 20261206L;
    /** A problem line naming its field, as the readers write them ({@code "  error: scans[1].date (--scan): ..."}). */
    private static final Pattern NAMED_FIELD = Pattern.compile("(?m)^  error: [A-Za-z][\\w.\\[\\]]*( \\(--[a-z-]+\\))?: ");

    @Test
    void scenarioFiles(@TempDir Path tmp) throws IOException {
        List<Path> examples = new ArrayList<>(examples("examples/scenarios"));
        examples.addAll(examples("examples/scenarios/wall"));
        List<Path> calibration = examples("examples/calibration"); // the same format: every sixth of them
        for (int i = 0; i < calibration.size(); i += 6) {
            examples.add(calibration.get(i));
        }
        List<String> failures = new ArrayList<>();
        int[] n = {0};
        for (Path example : examples) {
            for (Mutator.Mutant m : Mutator.mutants(example, SEED, PER_KIND)) {
                Path dir = Files.createDirectories(tmp.resolve("s" + n[0]++));
                Path in = dir.resolve(example.getFileName());
                Files.write(in, m.bytes());
                Path out = dir.resolve("out");
                CliRun r = CliRun.of("simulate", in.toString(), "--out", out.toString(), "--no-chart");
                check(failures, example, m, r, in, dir, List.of(in));
            }
        }
        assertThat(failures).as(n[0] + " mutants run").isEmpty();
    }

    @Test
    void trialFiles(@TempDir Path tmp) throws IOException {
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (Path example : examples("examples/trials")) {
            for (Mutator.Mutant m : Mutator.mutants(example, SEED, PER_KIND)) {
                Path dir = Files.createDirectories(tmp.resolve("t" + n++));
                Path in = dir.resolve(example.getFileName());
                Files.write(in, m.bytes());
                Path folder = Files.createDirectories(dir.resolve("a-folder"));
                // read and checked, then refused for the report's place (a folder): no trial is run
                CliRun r = CliRun.of("trial", in.toString(), "--write", folder.toString());
                check(failures, example, m, r, in, dir, List.of(in, folder));
            }
        }
        assertThat(failures).as(n + " mutants run").isEmpty();
    }

    @Test
    void phantomSpecs(@TempDir Path tmp) throws IOException {
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (Path example : examples("examples/phantoms")) {
            for (Mutator.Mutant m : Mutator.mutants(example, SEED, PER_KIND)) {
                Path dir = Files.createDirectories(tmp.resolve("p" + n++));
                Path in = dir.resolve(example.getFileName());
                Files.write(in, m.bytes());
                Path blocker = Files.writeString(dir.resolve("a-file"), "not a folder");
                // read and checked, then refused for --out (a file): no CT is synthesised
                CliRun r = CliRun.of("phantom", "--spec", in.toString(), "--out", blocker.toString());
                // a key with no value ("matrix: ~") refused as in every file (fifty-ninth session, leftovers22)
                check(failures, example, m, r, in, dir, List.of(in, blocker));
            }
        }
        assertThat(failures).as(n + " mutants run").isEmpty();
    }

    @Test
    void patientFiles(@TempDir Path tmp) throws IOException {
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (Path example : examples("examples/patients")) {
            for (Mutator.Mutant m : Mutator.mutants(example, SEED, PER_KIND)) {
                Path dir = Files.createDirectories(tmp.resolve("r" + n++));
                Path in = dir.resolve(example.getFileName());
                Files.write(in, m.bytes());
                CliRun r = CliRun.of("risk", "--patient", in.toString());
                // a key with no value ("bmi: ~") refused as in every file (fifty-ninth session, leftovers22)
                check(failures, example, m, r, in, dir, List.of(in));
            }
        }
        assertThat(failures).as(n + " mutants run").isEmpty();
    }

    /**
     * Parameter catalogs ({@code --parameters CSV}): the model's three catalog files and one of the fake
     * model's, mutated cell by cell, given to {@code simulate} on {@link FakeModel} (the model's own files
     * are read whole and then refused for names the fake model lacks; the fake one runs).
     */
    @Test
    void parameterCatalogs(@TempDir Path tmp) throws IOException {
        Path fake = Files.writeString(tmp.resolve("fake-parameters.csv"),
                "name,value,unit,low,high,evidence,source,locator,description\n"
                + "gain,1.0,1,0.1,10,calibrated,E06,fake,fake bump height\n");
        List<Path> catalogs = new ArrayList<>(List.of(fake));
        for (String c : List.of("mineral/mineral-parameters.csv", "vitamink/vitamin-k-parameters.csv", "wall/wall-parameters.csv")) {
            catalogs.add(org.vascalc.simulation.scenario.ProjectFiles.require("physiology/src/main/resources/org/vascalc/physiology/" + c));
        }
        Path scenario = org.vascalc.simulation.scenario.ProjectFiles.require("examples/scenarios/calcium-with-food.yaml");
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (Path example : catalogs) {
            for (Mutator.Mutant m : Mutator.csvMutants(example, SEED, 3 * PER_KIND)) {
                Path dir = Files.createDirectories(tmp.resolve("c" + n++));
                Path in = dir.resolve(example.getFileName());
                Files.write(in, m.bytes());
                Path out = dir.resolve("out");
                CliRun r = CliRun.of("simulate", scenario.toString(), "--parameters", in.toString(), "--out", out.toString(),
                        "--no-chart");
                check(failures, example, m, r, in, dir, List.of(in));
            }
        }
        assertThat(failures).as(n + " mutants run").isEmpty();
    }

    /** The example files of one folder (not its subfolders), in name order. */
    private static List<Path> examples(String folder) throws IOException {
        try (Stream<Path> s = Files.list(org.vascalc.simulation.scenario.ProjectFiles.require(folder))) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(yaml|yml|json)$")).sorted().toList();
        }
    }

    /** Adds one line to {@code failures} for each way the run broke requirement 6. */
    private static void check(List<String> failures, Path example, Mutator.Mutant m, CliRun r, Path in, Path dir,
            List<Path> allowed) throws IOException {
        String what = example.getFileName() + " " + m.label() + ": ";
        String err = r.err();
        if (r.code() != VasCalc.EXIT_OK && r.code() != VasCalc.EXIT_BAD_INPUT) {
            failures.add(what + "exit " + r.code() + "\n" + head(err));
            return;
        }
        if (err.contains("\tat ") || err.contains("Exception:") || err.contains("Exception\n")
                || err.contains("internal error") || err.matches("(?s).*\\bat (org|java|com)\\.[\\w.$]+\\(.*")) {
            failures.add(what + "a stack frame or exception on stderr\n" + head(err));
            return;
        }
        if (m.mustRefuse() && (r.code() == VasCalc.EXIT_OK || err.startsWith("vascalc: cannot write " + dir)
                || err.startsWith("vascalc: output folder " + dir))) {
            failures.add(what + "a key with no value was read as left out (exit " + r.code() + ")\n" + head(err));
            return;
        }
        if (r.code() == VasCalc.EXIT_BAD_INPUT) {
            if (!err.startsWith("vascalc: ")) {
                failures.add(what + "exit 1 without a 'vascalc: ' line\n" + head(err));
            } else if (!err.contains(in.getFileName().toString()) && !NAMED_FIELD.matcher(err).find()
                    && !err.contains("cannot write " + dir) && !err.contains("output folder " + dir)) {
                failures.add(what + "exit 1 that names neither the file nor a field\n" + head(err));
            }
            // nothing left behind: only the files the test put there
            try (Stream<Path> s = Files.walk(dir)) {
                List<Path> left = s.filter(p -> !p.equals(dir) && !allowed.contains(p)).toList();
                if (!left.isEmpty()) {
                    failures.add(what + "exit 1 left " + left + "\n" + head(err));
                }
            }
        }
    }

    private static String head(String text) {
        return text.length() > 1500 ? text.substring(0, 1500) + "..." : text;
    }

    /**
     * Seeded mutations of a YAML or JSON file's text: each kind a few times at places the {@link Random}
     * picks, so the same seed always gives the same mutants (a failure names its kind and place).
     */
    static final class Mutator {

        /** One mutated file; {@code mustRefuse}: no reading of it is right (a key with no value), so exit 0 is a failure too. */
        record Mutant(String label, byte[] bytes, boolean mustRefuse) {
            Mutant(String label, byte[] bytes) {
                this(label, bytes, false);
            }
        }

        private static final Pattern KEY = Pattern.compile("^(\\s*(?:-\\s+)?\\{?\\s*)\"?([A-Za-z_][A-Za-z0-9_]*)\"?(\\s*:)");
        /** A number written as a value: after a colon, a bracket or a comma, and before the end, a comma or a bracket. */
        private static final Pattern NUMBER = Pattern.compile(
                "(?<=[:\\[,]\\s{0,8})-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?=\\s*(?:[,\\]}#]|$))", Pattern.MULTILINE);
        private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
        private static final Pattern TIME = Pattern.compile("(?<![\\d:])\\d{1,2}:\\d{2}(?![\\d:])");
        /** A scalar value after a key: {@code key: value} to the end of the line or a comment. */
        private static final Pattern VALUE = Pattern.compile("(?<=^\\s{0,12}(?:- )?\\w{1,40}: )[^\\s\\[{#&*|>][^#\\n]*?(?=\\s*(?:#.*)?$)",
                Pattern.MULTILINE);
        private static final String[] VALUES = {"~", "[]", "{}", "[a, b]", "{x: 1}", "\"\"", "true", "1e308", "-1", "'%s%s'",
            "\"\\u0000\"", "\"\\uFFFF\"", "x".repeat(100_000)};
        private static final Pattern JSON_VALUE = Pattern.compile("(?<=\"\\w{1,40}\": )(\"[^\"]*\"|-?\\d[\\d.eE+-]*|true|false)");
        private static final String[] JSON_VALUES = {"null", "[]", "{}", "\"\"", "true", "-1", "\"\\u0000\""};
        private static final Pattern FLOW_LIST = Pattern.compile("\\[[^\\[\\]{}]*\\]");
        private static final String[] YAML_NUMBERS = {"-%s", "0", "1e308", ".nan", "NaN", "\".\"", ".", "abc", "[1, 2]",
            "{a: 1}", "-1e308", "1e-320", "99999999999999999999", ".inf", "-.inf", "1.5", "-0", "0x1F", "1_000", "\"%s\"",
            "~", "", "1e9", "2147483648"};
        private static final String[] JSON_NUMBERS = {"-%s", "0", "1e308", "NaN", "\".\"", "\"abc\"", "[1, 2]",
            "{\"a\": 1}", "-1e308", "1e-320", "99999999999999999999", "null", "true", "Infinity", "1.5", "-0", "\"%s\"",
            "1e9", "2147483648"};
        private static final String[] DATES = {"2024-13-45", "yesterday", "12/31/2024", "0000-00-00", "2024-02-30"};
        private static final String[] TIMES = {"25:61", "7pm", "-1:00", "24:00"};

        static List<Mutant> mutants(Path file, long seed, int perKind) throws IOException {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.UTF_8);
            boolean json = file.toString().endsWith(".json");
            Random random = new Random(seed ^ file.getFileName().toString().hashCode());
            List<Mutant> out = new ArrayList<>();
            String[] lines = text.split("\n", -1);
            List<Integer> keyLines = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                if (KEY.matcher(lines[i]).find() && !lines[i].trim().startsWith("#")) {
                    keyLines.add(i);
                }
            }
            for (int k = 0; k < perKind; k++) {
                if (!keyLines.isEmpty()) {
                    int i = keyLines.get(random.nextInt(keyLines.size()));
                    out.add(lineMutant("key on line " + (i + 1) + " deleted", lines, i, null));
                    i = keyLines.get(random.nextInt(keyLines.size()));
                    Matcher km = KEY.matcher(lines[i]);
                    km.find();
                    String typo = typo(km.group(2), random);
                    out.add(lineMutant("key '" + km.group(2) + "' on line " + (i + 1) + " renamed '" + typo + "'", lines, i,
                            km.replaceFirst(Matcher.quoteReplacement(km.group(1) + (json ? "\"" + typo + "\"" : typo) + km.group(3)))));
                    i = keyLines.get(random.nextInt(keyLines.size()));
                    out.add(lineMutant("line " + (i + 1) + " duplicated", lines, i, lines[i] + "\n" + lines[i]));
                }
                replaceOne(out, text, NUMBER, json ? JSON_NUMBERS : YAML_NUMBERS, random, "number");
                replaceOne(out, text, json ? JSON_VALUE : VALUE, json ? JSON_VALUES : VALUES, random, "value");
                replaceOne(out, text, json ? JSON_VALUE : VALUE, new String[] {json ? "null" : "~"}, random, "value");
                replaceOne(out, text, DATE, DATES, random, "date");
                replaceOne(out, text, TIME, TIMES, random, "time");
                replaceOne(out, text, FLOW_LIST, new String[] {"[]"}, random, "list");
                String blockEmptied = emptyBlockList(lines, random);
                if (blockEmptied != null) {
                    out.add(new Mutant("a block list emptied", blockEmptied.getBytes(StandardCharsets.UTF_8)));
                }
                int cut = random.nextInt(Math.max(1, bytes.length));
                out.add(new Mutant("truncated at byte " + cut, java.util.Arrays.copyOf(bytes, cut)));
                int at = random.nextInt(Math.max(1, bytes.length));
                byte[] bad = random.nextBoolean() ? new byte[] {(byte) 0xFF} : new byte[] {(byte) 0xC3, (byte) 0x28};
                byte[] spliced = new byte[bytes.length + bad.length];
                System.arraycopy(bytes, 0, spliced, 0, at);
                System.arraycopy(bad, 0, spliced, at, bad.length);
                System.arraycopy(bytes, at, spliced, at + bad.length, bytes.length - at);
                out.add(new Mutant("byte(s) not UTF-8 at " + at, spliced));
            }
            if (!json) {
                // a small alias bomb (4^4 leaves if expanded): refused, never expanded
                String bomb = "a0: &a0 [x, x, x, x]\na1: &a1 [*a0, *a0, *a0, *a0]\na2: &a2 [*a1, *a1, *a1, *a1]\n"
                        + "a3: &a3 [*a2, *a2, *a2, *a2]\n";
                out.add(new Mutant("alias bomb prepended", (bomb + text).getBytes(StandardCharsets.UTF_8)));
                if (!keyLines.isEmpty()) {
                    int i = keyLines.get(random.nextInt(keyLines.size()));
                    out.add(lineMutant("alias bomb as line " + (i + 1), lines, i, bomb.strip() + "\n" + lines[i]));
                }
            }
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            out.add(new Mutant("a byte-order mark first", concat(bom, bytes)));
            out.add(new Mutant("CRLF line ends", text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
            if (!json) {
                out.add(new Mutant("tabs for indentation", text.replace("\n  ", "\n\t").getBytes(StandardCharsets.UTF_8)));
            }
            // nesting deeper than any parser's recursion should be allowed to follow
            String deep = "[".repeat(20_000) + "]".repeat(20_000);
            out.add(new Mutant("20000 nested lists", ((json ? "{\"x\": " + deep + "}" : "x: " + deep) + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            if (!json) {
                StringBuilder block = new StringBuilder("x:\n");
                for (int d = 1; d <= 3000; d++) {
                    block.append(" ".repeat(d)).append("- \n".repeat(0)).append("k").append(d).append(":\n");
                }
                out.add(new Mutant("3000 nested block maps", block.toString().getBytes(StandardCharsets.UTF_8)));
            }
            out.add(new Mutant("a 200 kB line", (text + "\n# " + "y".repeat(200_000) + "\n").getBytes(StandardCharsets.UTF_8)));
            out.add(new Mutant("empty file", new byte[0]));
            out.add(new Mutant("blank lines only", "\n\n  \n".getBytes(StandardCharsets.UTF_8)));
            out.add(new Mutant("a comment only", "# nothing here\n".getBytes(StandardCharsets.UTF_8)));
            out.add(new Mutant("a list at the top", (json ? "[1, 2]" : "- 1\n- 2\n").getBytes(StandardCharsets.UTF_8)));
            out.add(new Mutant("a number at the top", "42\n".getBytes(StandardCharsets.UTF_8)));
            return out;
        }

        private static final String[] CELLS = {"", "-1", "NaN", "1e308", "-1e308", "abc", "\"", "\"unclosed", "Infinity",
            "\"1,2\"", "0", "1e-320", "literature", "calibrated", "assumption", "\u00e9", "\"\"\"\""};

        /** Seeded mutations of a CSV file: lines and cells. */
        static List<Mutant> csvMutants(Path file, long seed, int perKind) throws IOException {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.UTF_8);
            Random random = new Random(seed ^ file.getFileName().toString().hashCode());
            String[] lines = text.split("\n", -1);
            int rows = lines.length - (lines[lines.length - 1].isEmpty() ? 1 : 0);
            List<Mutant> out = new ArrayList<>();
            for (int k = 0; k < perKind; k++) {
                int i = random.nextInt(rows);
                out.add(lineMutant("line " + (i + 1) + " deleted", lines, i, null));
                i = 1 + random.nextInt(Math.max(1, rows - 1));
                out.add(lineMutant("line " + (i + 1) + " duplicated", lines, i, lines[i] + "\n" + lines[i]));
                i = 1 + random.nextInt(Math.max(1, rows - 1));
                // cells split on commas outside quotes, approximately: enough to change one
                List<String> cells = new ArrayList<>(List.of(lines[i].split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)));
                int c = random.nextInt(cells.size());
                String value = CELLS[random.nextInt(CELLS.length)];
                String old = cells.set(c, value);
                out.add(lineMutant("line " + (i + 1) + " cell " + (c + 1) + " '" + abbreviate(old) + "' made '" + value + "'",
                        lines, i, String.join(",", cells)));
                cells.remove(c);
                out.add(lineMutant("line " + (i + 1) + " cell " + (c + 1) + " removed", lines, i, String.join(",", cells)));
                out.add(lineMutant("line " + (i + 1) + " a cell added", lines, i, lines[i] + ",extra"));
                String[] header = lines[0].split(",", -1);
                int h = random.nextInt(header.length);
                header[h] = typo(header[h], random);
                out.add(lineMutant("header column " + (h + 1) + " renamed '" + header[h] + "'", lines, 0, String.join(",", header)));
                int cut = random.nextInt(Math.max(1, bytes.length));
                out.add(new Mutant("truncated at byte " + cut, java.util.Arrays.copyOf(bytes, cut)));
                int at = random.nextInt(Math.max(1, bytes.length));
                byte[] spliced = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, spliced, 0, at);
                spliced[at] = (byte) 0xFF;
                System.arraycopy(bytes, at, spliced, at + 1, bytes.length - at);
                out.add(new Mutant("byte 0xFF at " + at, spliced));
            }
            out.add(new Mutant("header only", (lines[0] + "\n").getBytes(StandardCharsets.UTF_8)));
            out.add(new Mutant("CRLF line ends", text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
            out.add(new Mutant("a byte-order mark first", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes)));
            out.add(new Mutant("semicolons for commas", text.replace(',', ';').getBytes(StandardCharsets.UTF_8)));
            out.add(new Mutant("empty file", new byte[0]));
            return out;
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, c, a.length, b.length);
            return c;
        }

        private static Mutant lineMutant(String label, String[] lines, int i, String replacement) {
            List<String> copy = new ArrayList<>(List.of(lines));
            if (replacement == null) {
                copy.remove(i);
            } else {
                copy.set(i, replacement);
            }
            return new Mutant(label, String.join("\n", copy).getBytes(StandardCharsets.UTF_8));
        }

        /** One match of {@code p} (picked at random) replaced by one of {@code by}; nothing when there is none. */
        private static void replaceOne(List<Mutant> out, String text, Pattern p, String[] by, Random random, String what) {
            List<int[]> spans = new ArrayList<>();
            Matcher m = p.matcher(text);
            while (m.find()) {
                spans.add(new int[] {m.start(), m.end()});
            }
            if (spans.isEmpty()) {
                return;
            }
            int[] s = spans.get(random.nextInt(spans.size()));
            String old = text.substring(s[0], s[1]);
            String value = by[random.nextInt(by.length)].replace("%s", old);
            int line = (int) text.substring(0, s[0]).chars().filter(c -> c == '\n').count() + 1;
            // a key's value made null: never a file to run as if the key were left out
            // (a number or true/false: text may be a line of a block scalar's prose that happens to read "word: text")
            boolean noValue = what.equals("value") && (value.equals("~") || value.equals("null"))
                    && old.matches("-?[\\d.]+|true|false");
            out.add(new Mutant(what + " '" + abbreviate(old) + "' on line " + line + " made '" + abbreviate(value) + "'",
                    (text.substring(0, s[0]) + value + text.substring(s[1])).getBytes(StandardCharsets.UTF_8), noValue));
        }

        private static String abbreviate(String value) {
            return value.length() > 40 ? value.substring(0, 20) + "...(" + value.length() + " characters)" : value;
        }

        /** A key whose value is a block list ({@code key:} then {@code - item} lines) given {@code key: []}. */
        private static String emptyBlockList(String[] lines, Random random) {
            List<Integer> starts = new ArrayList<>();
            for (int i = 0; i + 1 < lines.length; i++) {
                if (lines[i].matches("^\\s*[A-Za-z_]\\w*:\\s*(#.*)?$") && lines[i + 1].trim().startsWith("- ")) {
                    starts.add(i);
                }
            }
            if (starts.isEmpty()) {
                return null;
            }
            int i = starts.get(random.nextInt(starts.size()));
            int indent = lines[i].length() - lines[i].stripLeading().length();
            List<String> copy = new ArrayList<>(List.of(lines).subList(0, i));
            copy.add(lines[i].replaceFirst(":\\s*(#.*)?$", ": []"));
            int j = i + 1;
            while (j < lines.length && (lines[j].isBlank() || lines[j].trim().startsWith("#")
                    || lines[j].length() - lines[j].stripLeading().length() > indent
                    || lines[j].stripLeading().startsWith("- ") && lines[j].length() - lines[j].stripLeading().length() == indent)) {
                j++;
            }
            copy.addAll(List.of(lines).subList(j, lines.length));
            return String.join("\n", copy);
        }

        /** A near-typo of a key: two neighbouring letters swapped, one dropped or one doubled. */
        private static String typo(String key, Random random) {
            if (key.length() < 2) {
                return key + key;
            }
            int i = random.nextInt(key.length() - 1);
            return switch (random.nextInt(3)) {
                case 0 -> key.substring(0, i) + key.charAt(i + 1) + key.charAt(i) + key.substring(i + 2);
                case 1 -> key.substring(0, i) + key.substring(i + 1);
                default -> key.substring(0, i + 1) + key.charAt(i) + key.substring(i + 1);
            };
        }
    }
}
