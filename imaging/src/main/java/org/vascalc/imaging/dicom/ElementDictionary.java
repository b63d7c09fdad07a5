package org.vascalc.imaging.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The subset of the DICOM data dictionary (PS3.6) this package needs, loaded from the data file
 * {@code dictionary.tsv} next to this class: tag, VR and keyword per line. The VR matters only for
 * Implicit VR files, where the file does not carry it; tags not listed are read as {@link Vr#UN}
 * (bytes kept, not interpreted), group-length tags (eeee = 0000) as UL.
 */
public final class ElementDictionary {

    private static final ElementDictionary STANDARD = load();

    private final Map<Integer, Vr> vrs;
    private final Map<Integer, String> keywords;

    private ElementDictionary(Map<Integer, Vr> vrs, Map<Integer, String> keywords) {
        this.vrs = Map.copyOf(vrs);
        this.keywords = Map.copyOf(keywords);
    }

    public static ElementDictionary standard() {
        return STANDARD;
    }

    /** VR for Implicit VR decoding. */
    public Vr vr(int tag) {
        Vr vr = vrs.get(tag);
        if (vr != null) {
            return vr;
        }
        return (tag & 0xFFFF) == 0 ? Vr.UL : Vr.UN;
    }

    /** Keyword such as "PixelSpacing", or null when the tag is not in the subset. */
    public String keyword(int tag) {
        return keywords.get(tag);
    }

    private static ElementDictionary load() {
        Map<Integer, Vr> vrs = new HashMap<>();
        Map<Integer, String> keywords = new HashMap<>();
        try (InputStream in = ElementDictionary.class.getResourceAsStream("dictionary.tsv")) {
            if (in == null) {
                throw new IllegalStateException("dictionary.tsv missing from the imaging jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                int tag = (int) Long.parseLong(cols[0], 16);
                vrs.put(tag, Vr.valueOf(cols[1]));
                keywords.put(tag, cols[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dictionary.tsv", e);
        }
        return new ElementDictionary(vrs, keywords);
    }
}
