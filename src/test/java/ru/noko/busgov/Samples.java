package ru.noko.busgov;

import ru.noko.methodology.CalculationSettings;
import ru.noko.methodology.Indicator;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.methodology.RawInputs;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Campaigns and organizations built in memory, for tests of the writers without a database. */
final class Samples {

    static final MethodologyCatalogue CATALOGUE = MethodologyCatalogue.fromClasspath();
    static final Methodology METHODOLOGY = CATALOGUE.defaultMethodology();

    private Samples() {
    }

    static ExportedCampaign campaign() {
        return new ExportedCampaign(7, 2, "НОКО Пермского края, 2024", "59", "Пермский край", 2024,
                OffsetDateTime.of(2024, 12, 20, 9, 30, 15, 0, ZoneOffset.ofHours(5)), METHODOLOGY.code(),
                CalculationSettings.defaults(METHODOLOGY), "ООО «Опрос»", "Протокол № 5 от 12.12.2024", false);
    }

    /** Every indicator at {@code value} points, criteria and total the same. */
    static OrganizationResult organization(String inn, String kpp, String name, double value, RawInputs inputs) {
        Map<String, Double> criteria = new LinkedHashMap<>();
        METHODOLOGY.criteria().forEach(c -> criteria.put(c.field(), value));
        Map<String, OrganizationResult.IndicatorValue> indicators = new TreeMap<>();
        for (Indicator indicator : METHODOLOGY.indicators()) {
            indicators.put(indicator.code(), new OrganizationResult.IndicatorValue(value, false));
        }
        return new OrganizationResult(1, inn, kpp, "1025900000001", "5700000000001", "57701000", "Пермь", name, "school",
                criteria, value, value, "not_given", null, 1, 1, null, 200, indicators, inputs);
    }

    /** The same organization with one indicator replaced. */
    static OrganizationResult withIndicator(OrganizationResult o, String code, Double value, boolean zeroRuleApplied) {
        Map<String, OrganizationResult.IndicatorValue> indicators = new TreeMap<>(o.indicators());
        indicators.put(code, new OrganizationResult.IndicatorValue(value, zeroRuleApplied));
        return new OrganizationResult(o.organizationId(), o.inn(), o.kpp(), o.ogrn(), o.busRegNum(), o.oktmo(),
                o.municipality(), o.name(), o.type(), o.criteria(), o.total(), o.totalComputed(), o.totalCheck(), o.publishedTotal(), o.placeRegion(),
                o.placeType(), o.placeMunicipality(), o.respondents(), indicators, o.inputs());
    }

    /** Raw inputs of METHODOLOGY.md §8, all present, every survey answer yes. */
    static Map<String, Long> fullInputs() {
        Map<String, Long> inputs = new LinkedHashMap<>();
        inputs.put("stand_items_present", 10L);
        inputs.put("stand_items_required", 10L);
        inputs.put("site_items_present", 44L);
        inputs.put("site_items_required", 44L);
        inputs.put("remote_channels", 6L);
        inputs.put("comfort_conditions", 5L);
        inputs.put("disability_premises_conditions", 5L);
        inputs.put("disability_service_conditions", 6L);
        inputs.put("recipients", 400L);
        inputs.put("respondents", 200L);
        for (String name : new String[] {"used_stand", "satisfied_stand", "used_site", "satisfied_site", "satisfied_comfort",
                "satisfied_first_contact", "satisfied_service_staff", "used_remote", "satisfied_remote", "would_recommend",
                "satisfied_schedule", "satisfied_overall"}) {
            inputs.put(name, 200L);
        }
        inputs.put("respondents_disabled", 10L);
        inputs.put("satisfied_accessibility", 10L);
        return inputs;
    }
}
