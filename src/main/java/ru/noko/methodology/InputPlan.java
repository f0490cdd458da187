package ru.noko.methodology;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What validating and calculating one organization need to know of a methodology's inputs,
 * derived once: an upload checks tens of thousands of rows against the same methodology, and
 * deriving the lists from the formulas for every row cost more than the arithmetic.
 */
record InputPlan(Methodology methodology, List<String> names, Set<String> known, Set<String> optional,
                 Map<DenominatorVariant, List<String>> needed) {

    /** The plan of the methodology asked for last; rows of one upload all share it. */
    private static volatile InputPlan last;

    static InputPlan of(Methodology methodology) {
        InputPlan plan = last;
        if (plan == null || plan.methodology() != methodology) {
            plan = derive(methodology);
            last = plan;
        }
        return plan;
    }

    private static InputPlan derive(Methodology methodology) {
        List<String> names = methodology.rawInputNames();
        Map<DenominatorVariant, List<String>> needed = new EnumMap<>(DenominatorVariant.class);
        for (DenominatorVariant variant : DenominatorVariant.values()) {
            Set<String> inputs = new LinkedHashSet<>();
            methodology.indicators().forEach(indicator -> inputs.addAll(indicator.formula().inputs(variant)));
            needed.put(variant, List.copyOf(inputs));
        }
        return new InputPlan(methodology, names, Set.copyOf(names), methodology.optionalInputNames(), needed);
    }
}
