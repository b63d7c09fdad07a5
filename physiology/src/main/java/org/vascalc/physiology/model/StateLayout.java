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

    public StateLayout(List<? extends Block> blocks) {
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
