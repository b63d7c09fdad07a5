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

    private ParameterCatalog(Map<String, Parameter> byName) {
        this.byName = byName;
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
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if ((r.size() == 1 && r.get(0).isBlank()) || r.get(0).startsWith("#")) {
                continue;
            }
            String where = origin + " line " + (i + 1);
            if (r.size() != 9) {
                throw new IllegalArgumentException(where + ": expected 9 columns, found " + r.size());
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
                out.add(new Parameter(r.get(0), Double.parseDouble(r.get(1)), r.get(2),
                        Double.parseDouble(r.get(3)), Double.parseDouble(r.get(4)), ev, r.get(8)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + " (" + r.get(0) + "): " + e.getMessage(), e);
            }
        }
        return of(out);
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
        return new ParameterCatalog(java.util.Collections.unmodifiableMap(map));
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
            String[] ev = switch (p.evidence()) {
                case Evidence.Literature l -> new String[] {"literature", l.bibKey(), l.locator()};
                case Evidence.Calibrated c -> new String[] {"calibrated", c.targetIds(), c.note()};
                case Evidence.Assumption a -> new String[] {"assumption", a.rationale(), ""};
                case Evidence.Derived d -> new String[] {"derived", d.rule(), ""};
            };
            sb.append(String.join(",", Csv.quote(p.name()), Double.toString(p.value()), Csv.quote(p.unit()),
                    Double.toString(p.low()), Double.toString(p.high()), ev[0], Csv.quote(ev[1]),
                    Csv.quote(ev[2]), Csv.quote(p.description()))).append('\n');
        }
        return sb.toString();
    }

    /** SHA-256 of the catalog's CSV form: recorded as provenance on every output. */
    public String sha256() {
        String known = sha256;
        if (known != null) {
            return known;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(toCsv().getBytes(StandardCharsets.UTF_8));
            known = HexFormat.of().formatHex(h);
            sha256 = known;
            return known;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
