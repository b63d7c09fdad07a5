package org.vascalc.core.param;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.vascalc.core.evidence.Evidence;
import org.vascalc.core.input.DecimalText;

/**
 * An ordered, immutable set of {@link Parameter}s, read from a CSV file with the columns
 * {@code name,value,unit,low,high,evidence,source,locator,description} where {@code evidence} is
 * one of {@code literature} (source = bib key), {@code calibrated} (source = target ids),
 * {@code assumption} (source = rationale) or {@code derived} (source = rule).
 *
 * <p>Model code does not read the catalog in its hot loop: each mechanism compiles the values it
 * needs into a record of plain doubles once.
 */
public final class ParameterCatalog {

    private static final String HEADER = "name,value,unit,low,high,evidence,source,locator,description";

    private final Map<String, Parameter> byName;
    /**
     * The provenance hash, computed on first use: every simulation result records it, and hashing
     * the catalog's CSV form each time cost ~3 % of a fast-mode patient-decade. The catalog is
     * immutable, so the hash never changes; a race computes the same string twice at worst.
     */
    private volatile String sha256;
    /**
     * The catalog this one was made from by {@link #with} (through any number of {@code with}s), or
     * null for a catalog read or assembled whole. A cohort makes one catalog per member with a few
     * individual values ({@code VirtualPopulation}: three wall susceptibilities, the catalog's last
     * lines); its hash is the root's hash state after the lines before the first replaced parameter,
     * continued over the rest ({@link #sha256}), the same bytes hashed as from {@link #toCsv}.
     */
    private final ParameterCatalog root;
    /** Root only: the parameters in order, and each one's CSV line as UTF-8 bytes (made on first use). */
    private volatile Parameter[] rootOrder;
    private volatile byte[][] rootLines;
    /** Root only: the SHA-256 state after the header and the first k lines, by k (a few k at most). */
    private final Map<Integer, MessageDigest> rootPrefixes = new java.util.HashMap<>();
    /** More prefixes than this are not kept (a catalog's derived ones usually differ from it at one place). */
    private static final int MAX_PREFIXES = 8;

    private ParameterCatalog(Map<String, Parameter> byName) {
        this(byName, null);
    }

    private ParameterCatalog(Map<String, Parameter> byName, ParameterCatalog root) {
        this.byName = byName;
        this.root = root;
    }

    public static ParameterCatalog of(Collection<Parameter> parameters) {
        Map<String, Parameter> map = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            if (map.put(p.name(), p) != null) {
                throw new IllegalArgumentException("duplicate parameter " + p.name());
            }
        }
        return new ParameterCatalog(java.util.Collections.unmodifiableMap(map));
    }

    /** Reads a catalog from a classpath resource, e.g. {@code /org/vascalc/physiology/mineral.csv}. */
    public static ParameterCatalog fromResource(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("parameter catalog resource not found: " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read parameter catalog " + resource, e);
        }
    }

    /** Parses catalog CSV text; {@code origin} names the file in error messages. */
    public static ParameterCatalog parse(String csv, String origin) {
        List<Parameter> out = new ArrayList<>();
        List<List<String>> rows = Csv.read(new StringReader(csv));
        if (rows.isEmpty() || !String.join(",", rows.get(0)).equals(HEADER)) {
            throw new IllegalArgumentException(origin + ": first line must be '" + HEADER + "'");
        }
        Map<String, Integer> lineOf = new java.util.HashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if ((r.size() == 1 && r.get(0).isBlank()) || r.get(0).startsWith("#")) {
                continue;
            }
            String where = origin + " line " + (i + 1);
            if (r.size() != 9) {
                throw new IllegalArgumentException(where + ": expected 9 columns, found " + r.size());
            }
            // here, with the file and both lines: of()'s "duplicate parameter gain" named neither (hostile)
            Integer first = lineOf.putIfAbsent(r.get(0), i + 1);
            if (first != null) {
                throw new IllegalArgumentException(where + " (" + r.get(0) + "): the parameter is given twice, first on line "
                        + first + "; give each parameter once");
            }
            try {
                Evidence ev = switch (r.get(5)) {
                    case "literature" -> new Evidence.Literature(r.get(6), r.get(7));
                    case "calibrated" -> new Evidence.Calibrated(r.get(6), r.get(7));
                    case "assumption" -> new Evidence.Assumption(r.get(6));
                    case "derived" -> new Evidence.Derived(r.get(6));
                    default -> throw new IllegalArgumentException("evidence must be literature, calibrated, "
                            + "assumption or derived, not '" + r.get(5) + "'");
                };
                out.add(new Parameter(r.get(0), number(r.get(1), "value"), r.get(2),
                        number(r.get(3), "low"), number(r.get(4), "high"), ev, r.get(8)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + " (" + r.get(0) + "): " + e.getMessage(), e);
            }
        }
        return of(out);
    }

    /** A number column, or a message naming the column and the text (not Java's "For input string"). */
    private static double number(String text, String column) {
        try {
            return DecimalText.parse(text); // a spreadsheet's "2d" or "NaN" is not read as a number (DecimalText)
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a number");
        }
    }

    public double value(String name) {
        return get(name).value();
    }

    public Parameter get(String name) {
        Parameter p = byName.get(name);
        if (p == null) {
            throw new NoSuchElementException("no parameter named '" + name + "' in the catalog");
        }
        return p;
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    public Collection<Parameter> parameters() {
        return byName.values();
    }

    /** A copy with the named values replaced (each kept inside its plausible range). */
    public ParameterCatalog with(Map<String, Double> newValues) {
        Map<String, Parameter> map = new LinkedHashMap<>(byName);
        newValues.forEach((k, v) -> map.put(k, get(k).withValue(v)));
        return new ParameterCatalog(java.util.Collections.unmodifiableMap(map), root != null ? root : this);
    }

    /** A copy that also holds every parameter of {@code other}; names must not clash. */
    public ParameterCatalog plus(ParameterCatalog other) {
        List<Parameter> all = new ArrayList<>(byName.values());
        all.addAll(other.parameters());
        return of(all);
    }

    /** The catalog as CSV text in the same format it is read from. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Parameter p : byName.values()) {
            sb.append(line(p));
        }
        return sb.toString();
    }

    /** One parameter's line of {@link #toCsv}, with its newline. */
    private static String line(Parameter p) {
        String[] ev = switch (p.evidence()) {
            case Evidence.Literature l -> new String[] {"literature", l.bibKey(), l.locator()};
            case Evidence.Calibrated c -> new String[] {"calibrated", c.targetIds(), c.note()};
            case Evidence.Assumption a -> new String[] {"assumption", a.rationale(), ""};
            case Evidence.Derived d -> new String[] {"derived", d.rule(), ""};
        };
        return String.join(",", Csv.quote(p.name()), Double.toString(p.value()), Csv.quote(p.unit()),
                Double.toString(p.low()), Double.toString(p.high()), ev[0], Csv.quote(ev[1]),
                Csv.quote(ev[2]), Csv.quote(p.description())) + '\n';
    }

    /** SHA-256 of the catalog's CSV form: recorded as provenance on every output. */
    public String sha256() {
        String known = sha256;
        if (known != null) {
            return known;
        }
        MessageDigest continued = root == null ? null : root.continuedBy(this);
        byte[] h = continued != null ? continued.digest()
                : newSha256().digest(toCsv().getBytes(StandardCharsets.UTF_8));
        known = HexFormat.of().formatHex(h);
        sha256 = known;
        return known;
    }

    /**
     * SHA-256 of the values alone ({@code name,value} per line, in order): what a run reads from the
     * catalog. A generated page whose numbers are runs at the catalog's values (docs/validation.md,
     * docs/trials.md) records it beside {@link #sha256}, so a test can tell that a value changed since
     * the page was made, while an edit of an evidence text, a unit or a range leaves it alone.
     */
    public String valuesSha256() {
        StringBuilder sb = new StringBuilder();
        for (Parameter p : byName.values()) {
            sb.append(p.name()).append(',').append(Double.toString(p.value())).append('\n');
        }
        return HexFormat.of().formatHex(newSha256().digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Root only: the SHA-256 state of {@code derived}'s CSV form, all of it hashed but not finished:
     * this catalog's state after the lines {@code derived} shares with it (the same {@link Parameter}
     * objects, in the same order, since {@link #with} only replaces), then {@code derived}'s own lines.
     * Null if the state cannot be copied (then the caller hashes the whole text).
     */
    private MessageDigest continuedBy(ParameterCatalog derived) {
        Parameter[] order = rootOrder;
        byte[][] lines = rootLines;
        if (order == null) {
            order = byName.values().toArray(new Parameter[0]);
            lines = new byte[order.length][];
            for (int i = 0; i < order.length; i++) {
                lines[i] = line(order[i]).getBytes(StandardCharsets.UTF_8);
            }
            rootLines = lines;
            rootOrder = order;
        }
        Parameter[] theirs = derived.byName.values().toArray(new Parameter[0]);
        if (theirs.length != order.length) {
            return null;
        }
        int shared = 0;
        while (shared < order.length && theirs[shared] == order[shared]) {
            shared++;
        }
        MessageDigest md;
        try {
            synchronized (rootPrefixes) {
                MessageDigest prefix = rootPrefixes.get(shared);
                if (prefix == null) {
                    prefix = newSha256();
                    prefix.update((HEADER + '\n').getBytes(StandardCharsets.UTF_8));
                    for (int i = 0; i < shared; i++) {
                        prefix.update(lines[i]);
                    }
                    if (rootPrefixes.size() >= MAX_PREFIXES) {
                        rootPrefixes.clear();
                    }
                    rootPrefixes.put(shared, prefix);
                }
                md = (MessageDigest) prefix.clone();
            }
        } catch (CloneNotSupportedException e) {
            return null;
        }
        for (int i = shared; i < theirs.length; i++) {
            md.update(line(theirs[i]).getBytes(StandardCharsets.UTF_8));
        }
        return md;
    }

    /** Minimal RFC-4180 reader: the catalog files are ours and small. */
    static final class Csv {
        private Csv() {
        }

        static String quote(String s) {
            if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
                return '"' + s.replace("\"", "\"\"") + '"';
            }
            return s;
        }

        static List<List<String>> read(Reader reader) {
            try {
                List<List<String>> rows = new ArrayList<>();
                List<String> row = new ArrayList<>();
                StringBuilder cell = new StringBuilder();
                boolean quoted = false;
                int c;
                while ((c = reader.read()) != -1) {
                    char ch = (char) c;
                    if (quoted) {
                        if (ch == '"') {
                            reader.mark(1);
                            int next = reader.read();
                            if (next == '"') {
                                cell.append('"');
                            } else {
                                quoted = false;
                                if (next != -1) {
                                    reader.reset();
                                }
                            }
                        } else {
                            cell.append(ch);
                        }
                    } else if (ch == '"') {
                        quoted = true;
                    } else if (ch == ',') {
                        row.add(cell.toString());
                        cell.setLength(0);
                    } else if (ch == '\n') {
                        row.add(cell.toString().strip());
                        cell.setLength(0);
                        rows.add(row);
                        row = new ArrayList<>();
                    } else if (ch != '\r') {
                        cell.append(ch);
                    }
                }
                if (cell.length() > 0 || !row.isEmpty()) {
                    row.add(cell.toString().strip());
                    rows.add(row);
                }
                return rows;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
