package ru.noko.busgov;

import ru.noko.methodology.RawInputs;

import java.util.Map;

/**
 * One organization's published result in the exported revision: identity as published (name, type,
 * ОКТМО of the revision; ИНН, КПП, ОГРН, regNum from the catalogue), unrounded values and, when the
 * revision was computed from raw inputs, those inputs.
 *
 * @param total         the official total (the operator's when its file gave one)
 * @param totalComputed our recomputation, the mean of the criteria
 * @param totalCheck    {@code match}, {@code mismatch} or {@code not_given}
 * @param criteria   criterion field ({@code k1}…) → points
 * @param indicators indicator code ({@code 1.1}…) → value
 * @param inputs     raw inputs, or null for a results-only revision
 */
record OrganizationResult(long organizationId, String inn, String kpp, String ogrn, String busRegNum, String oktmo,
                          String municipality, String name, String type, Map<String, Double> criteria, double total,
                          double totalComputed, String totalCheck, Double publishedTotal, Integer placeRegion, Integer placeType, Integer placeMunicipality,
                          Integer respondents, Map<String, IndicatorValue> indicators, RawInputs inputs) {

    /** A stored indicator value: null when the zero rule excluded it. */
    record IndicatorValue(Double value, boolean zeroRuleApplied) {
    }

    /** {@code <ИНН>-<КПП>}: the organization's key, also the name of its plan file. */
    String key() {
        return inn + "-" + kpp;
    }
}
