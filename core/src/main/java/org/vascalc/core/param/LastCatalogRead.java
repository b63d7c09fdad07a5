package org.vascalc.core.param;

import java.util.function.Function;

/**
 * A parameter record read from a catalog once, not at every run: a simulator builds its blocks at
 * every run with its one catalog, and the look-ups by name were ~0.7 % of a fast-mode decade for the
 * physiology's parameter records (docs/performance-log.md, "overhead"). Keyed on the catalog's
 * identity (catalogs are immutable: the same catalog, the same values), so a run with another
 * catalog reads that one. Thread-safe: the last pair is replaced whole.
 *
 * @param <T> the parameter record
 */
public final class LastCatalogRead<T> {

    private record Kept<T>(ParameterCatalog catalog, T value) {
    }

    private final Function<ParameterCatalog, T> read;
    private volatile Kept<T> last;

    /** @param read reads and converts the record from a catalog */
    public LastCatalogRead(Function<ParameterCatalog, T> read) {
        this.read = read;
    }

    /** The record of {@code catalog}: the kept one if it was read from this very catalog, else read now. */
    public T of(ParameterCatalog catalog) {
        Kept<T> kept = last;
        if (kept != null && kept.catalog() == catalog) {
            return kept.value();
        }
        T value = read.apply(catalog);
        last = new Kept<>(catalog, value);
        return value;
    }
}
