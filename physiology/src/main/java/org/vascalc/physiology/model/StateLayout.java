package org.vascalc.physiology.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Where each block's variables sit in the state vector. The only object that knows the
 * {@code double[]} layout (style guide: "only one mapper knows the layout"); blocks resolve the
 * indices they need once, in {@link Block#bind}, never in the derivative call.
 */
public final class StateLayout {

    private final List<StateVariable> variables;
    private final Map<String, Integer> indexById;
    private final Map<String, Integer> offsetByBlock;

    /** The blocks' ids and variable lists this layout was made from (for {@link #of}). */
    private final String[] blockIds;
    private final List<?>[] blockVariables;

    /** The layout {@link #of} made last (immutable, so shared by every thread). */
    private static volatile StateLayout last;

    /**
     * The layout of {@code blocks}: the one made last when it was made from blocks of the same ids
     * whose {@link Block#variables()} are the very same lists (the standard blocks declare theirs
     * once, unmodifiable), else a new one. The engine assembles a model for every run, and building
     * the layout (94 variables, two maps) was 0.8 % of a fast-mode decade (docs/performance-log.md,
     * "wallcost2"). Equal to {@code new StateLayout(blocks)} either way.
     */
    public static StateLayout of(List<? extends Block> blocks) {
        StateLayout known = last;
        if (known != null && known.madeFrom(blocks)) {
            return known;
        }
        StateLayout made = new StateLayout(blocks);
        last = made;
        return made;
    }

    private boolean madeFrom(List<? extends Block> blocks) {
        if (blocks.size() != blockIds.length) {
            return false;
        }
        for (int k = 0; k < blockIds.length; k++) {
            Block b = blocks.get(k);
            List<StateVariable> v = b.variables();
            if (v != blockVariables[k] || !b.id().equals(blockIds[k])) {
                return false;
            }
        }
        return true;
    }

    public StateLayout(List<? extends Block> blocks) {
        blockIds = new String[blocks.size()];
        blockVariables = new List<?>[blocks.size()];
        for (int k = 0; k < blockIds.length; k++) {
            blockIds[k] = blocks.get(k).id();
            blockVariables[k] = blocks.get(k).variables();
        }
        List<StateVariable> all = new ArrayList<>();
        Map<String, Integer> idx = new HashMap<>();
        Map<String, Integer> off = new HashMap<>();
        for (Block b : blocks) {
            if (off.put(b.id(), all.size()) != null) {
                throw new IllegalArgumentException("duplicate block " + b.id());
            }
            for (StateVariable v : b.variables()) {
                if (!v.id().startsWith(b.id() + ".")) {
                    throw new IllegalArgumentException("variable " + v.id() + " must be named " + b.id() + ".*");
                }
                if (idx.put(v.id(), all.size()) != null) {
                    throw new IllegalArgumentException("duplicate state variable " + v.id());
                }
                all.add(v);
            }
        }
        this.variables = List.copyOf(all);
        this.indexById = Map.copyOf(idx);
        this.offsetByBlock = Map.copyOf(off);
    }

    public int size() {
        return variables.size();
    }

    public List<StateVariable> variables() {
        return variables;
    }

    public StateVariable variable(int index) {
        return variables.get(index);
    }

    /** Index of a qualified variable id, e.g. {@code mineral.caEcf}. */
    public int index(String id) {
        Integer i = indexById.get(id);
        if (i == null) {
            throw new NoSuchElementException("no state variable '" + id + "' in this model; known: " + indexById.keySet());
        }
        return i;
    }

    public boolean has(String id) {
        return indexById.containsKey(id);
    }

    public int offset(String blockId) {
        Integer i = offsetByBlock.get(blockId);
        if (i == null) {
            throw new NoSuchElementException("no block '" + blockId + "' in this model");
        }
        return i;
    }
}
