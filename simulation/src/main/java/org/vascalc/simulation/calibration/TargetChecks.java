package org.vascalc.simulation.calibration;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The checks available, by target id: those registered with {@link ServiceLoader}, or a given set. */
public final class TargetChecks {

    private final Map<String, TargetCheck> byId;

    private TargetChecks(Map<String, TargetCheck> byId) {
        this.byId = java.util.Collections.unmodifiableMap(byId);
    }

    public static TargetChecks of(Collection<? extends TargetCheck> checks) {
        Map<String, TargetCheck> m = new LinkedHashMap<>();
        for (TargetCheck c : checks) {
            TargetCheck old = m.put(c.targetId(), c);
            if (old != null) {
                throw new IllegalStateException("two checks for target " + c.targetId() + ": "
                        + old.getClass().getName() + " and " + c.getClass().getName());
            }
        }
        return new TargetChecks(m);
    }

    /** Every check of every registered {@link TargetCheckProvider}. */
    public static TargetChecks discover() {
        return of(ServiceLoader.load(TargetCheckProvider.class).stream()
                .flatMap(p -> p.get().checks().stream()).toList());
    }

    public Optional<TargetCheck> forTarget(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<TargetCheck> all() {
        return byId.values();
    }
}
