package ru.noko.busgov;

import ru.noko.methodology.Criterion;
import ru.noko.methodology.Methodology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What bus.gov.ru calls things (METHODOLOGY.md §6): the five criterion slots in the order it shows
 * them, under their legacy JSON names, and the organization group of education.
 */
final class BusGovFields {

    /** Criterion slots in bus.gov.ru's order; {@code timeoutValue} is the slot of disability access today. */
    static final List<String> CRITERION_ORDER = List.of(
            "opennessValue", "comfortValue", "timeoutValue", "goodwillValue", "contentmentValue");

    /** bus.gov.ru organization group of education. */
    static final int EDUCATION_GROUP_CODE = 251;
    static final String EDUCATION_GROUP_NAME = "организации, осуществляющие образовательную деятельность";

    /** Sphere of activity written into plans (SCOPE_ACTIVITY, a free string2000 in ТФФ 1.8.3). */
    static final String SCOPE_ACTIVITY = "Образование";

    private BusGovFields() {
    }

    /**
     * The methodology's criteria in bus.gov.ru's order: those with a bus.gov.ru slot by slot, any
     * without one after them in catalogue order.
     */
    static List<Criterion> criteriaInOrder(Methodology methodology) {
        List<Criterion> ordered = new ArrayList<>(methodology.criteria());
        ordered.sort(Comparator.comparingInt(BusGovFields::slot).thenComparingInt(Criterion::position));
        return List.copyOf(ordered);
    }

    private static int slot(Criterion criterion) {
        int index = criterion.busGovField() == null ? -1 : CRITERION_ORDER.indexOf(criterion.busGovField());
        return index < 0 ? CRITERION_ORDER.size() : index;
    }
}
