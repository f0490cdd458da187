package ru.noko.ratings;

import ru.noko.campaigns.results.ResultColumns;

import ru.noko.catalog.CatalogColumns;
import ru.noko.catalog.Organization;
import ru.noko.platform.web.Columns;

import java.util.List;

/** Columns of an organization's history, regional statistics and comparisons: the same in JSON and CSV. */
public final class RatingColumns {

    public static final Columns<HistoryRow> HISTORY;
    public static final Columns<YearStatistics> STATISTICS;
    public static final Columns<ComparedEntry> COMPARISON;

    /** A ranking: the place in the scope first, then identity, criteria, total and every stored place. */
    public static final Columns<RankedRow> RANKING = Columns.<RankedRow>builder()
            .add("place", RankedRow::place)
            .add("place_region", r -> r.result().placeRegion())
            .add("place_type", r -> r.result().placeType())
            .add("place_municipality", r -> r.result().placeMunicipality())
            .add("organization_id", r -> r.result().organizationId())
            .add("inn", r -> r.result().inn())
            .add("kpp", r -> r.result().kpp())
            .add("name", r -> r.result().name())
            .add("type", r -> r.result().type())
            .add("oktmo", r -> r.result().oktmo())
            .add("municipality", r -> r.result().municipality())
            .add("k1", r -> r.result().criterion(0))
            .add("k2", r -> r.result().criterion(1))
            .add("k3", r -> r.result().criterion(2))
            .add("k4", r -> r.result().criterion(3))
            .add("k5", r -> r.result().criterion(4))
            .add("total", r -> r.result().total())
            .add("total_computed", r -> r.result().totalComputed())
            .add("total_check", r -> r.result().totalCheck())
            .add("zero_rule_indicators", r -> r.result().zeroRuleIndicators())
            .build();

    public static final Columns<Organization> ORGANIZATION = CatalogColumns.ORGANIZATION;

    private static final List<String> CRITERIA = List.of("k1", "k2", "k3", "k4", "k5");

    static {
        Columns.Builder<HistoryRow> history = Columns.<HistoryRow>builder()
                .add("campaign_id", HistoryRow::campaignId)
                .add("campaign_title", HistoryRow::campaignTitle)
                .add("year", HistoryRow::year)
                .add("published_at", HistoryRow::publishedAt)
                .add("type", HistoryRow::type)
                .add("oktmo", HistoryRow::oktmo)
                .add("municipality", HistoryRow::municipality);
        for (int i = 0; i < CRITERIA.size(); i++) {
            int index = i;
            history.add(CRITERIA.get(i), r -> r.criteria().get(index));
        }
        history.add("total", HistoryRow::total)
                .add("total_computed", HistoryRow::totalComputed)
                .add("total_check", HistoryRow::totalCheck)
                .add("place_region", HistoryRow::placeRegion)
                .add("place_type", HistoryRow::placeType)
                .add("place_municipality", HistoryRow::placeMunicipality)
                .add("organizations_in_region", HistoryRow::organizationsInRegion)
                .add("organizations_in_type", HistoryRow::organizationsInType)
                .add("organizations_in_municipality", HistoryRow::organizationsInMunicipality)
                .add("respondents", HistoryRow::respondents);
        for (String indicator : ResultColumns.INDICATORS) {
            history.add(indicator, r -> r.indicators().get(indicator));
        }
        for (String indicator : ResultColumns.INDICATORS) {
            String computed = indicator + ru.noko.campaigns.results.ResultTable.COMPUTED;
            history.add(computed, r -> r.indicators().get(computed));
        }
        history.add("indicator_mismatches", HistoryRow::indicatorMismatches);
        history.add("zero_rule_indicators", HistoryRow::zeroRuleIndicators)
                .add("previous_campaign_id", HistoryRow::previousCampaignId)
                .add("previous_year", HistoryRow::previousYear)
                .add("change_total", HistoryRow::changeOfTotal);
        for (int i = 0; i < CRITERIA.size(); i++) {
            int index = i;
            history.add("change_" + CRITERIA.get(i), r -> r.changeOfCriterion(index));
        }
        history.add("organization_id", HistoryRow::organizationId)
                .add("organization_name", HistoryRow::organizationName)
                .add("via_link", r -> r.lineage().viaLink())
                .add("link_kind", r -> r.lineage().linkKind())
                .add("link_date", r -> r.lineage().linkDate())
                .add("methodology", HistoryRow::methodologyCode)
                .add("scale", HistoryRow::scale)
                .add("methodology_break", HistoryRow::methodologyBreak);
        HISTORY = history.build();

        Columns.Builder<YearStatistics> statistics = Columns.<YearStatistics>builder()
                .add("year", YearStatistics::year)
                .add("type", YearStatistics::type)
                .add("campaigns", YearStatistics::campaigns)
                .add("count", YearStatistics::count)
                .add("total_mean", s -> s.total().mean())
                .add("total_min", s -> s.total().min())
                .add("total_max", s -> s.total().max());
        for (int i = 0; i < CRITERIA.size(); i++) {
            int index = i;
            String k = CRITERIA.get(i);
            statistics.add(k + "_mean", s -> s.criterionMean(index))
                    .add(k + "_min", s -> s.criterionMin(index))
                    .add(k + "_max", s -> s.criterionMax(index));
        }
        statistics.add("methodology", YearStatistics::methodologyCode)
                .add("scale", YearStatistics::scale);
        STATISTICS = statistics.build();

        Columns.Builder<ComparedEntry> comparison = Columns.<ComparedEntry>builder()
                .add("year", ComparedEntry::year)
                .add("organization_id", ComparedEntry::organizationId)
                .add("name", ComparedEntry::name)
                .add("assessed", ComparedEntry::assessed)
                .add("campaign_id", ComparedEntry::campaignId)
                .add("type", ComparedEntry::type);
        for (int i = 0; i < CRITERIA.size(); i++) {
            int index = i;
            comparison.add(CRITERIA.get(i), e -> e.criterion(index));
        }
        comparison.add("total", ComparedEntry::total)
                .add("total_computed", ComparedEntry::totalComputed)
                .add("total_check", ComparedEntry::totalCheck)
                .add("place_region", ComparedEntry::placeRegion)
                .add("place_type", ComparedEntry::placeType)
                .add("place_municipality", ComparedEntry::placeMunicipality)
                .add("zero_rule_indicators", ComparedEntry::zeroRuleIndicators)
                .add("methodology", ComparedEntry::methodologyCode)
                .add("methodology_break", ComparedEntry::methodologyBreak);
        COMPARISON = comparison.build();
    }

    private RatingColumns() {
    }
}
