package ru.noko.widgets;

import ru.noko.catalog.OrganizationType;

import java.time.OffsetDateTime;
import java.util.List;

/** What the widgets show, read from published campaigns only; scores unrounded. */
public final class WidgetData {

    private WidgetData() {
    }

    /** A published campaign at its published revision. */
    public record Campaign(long id, String title, int year, OffsetDateTime publishedAt, String methodologyCode,
                    boolean demo, int revision) {
    }

    /** An organization as the catalogue has it now. */
    public record Organization(long id, String name, String shortName, OrganizationType type, String municipality,
                        String website, boolean demoRegion, String regionCode) {
    }

    /**
     * One organization's result in one campaign, with the sizes of the groups its places are in:
     * {@code total} is the official one, {@code totalComputed} our recomputation, {@code totalCheck}
     * {@code match}, {@code mismatch} or {@code not_given}; {@code zeroRuleIndicators} the codes of
     * the indicators whose value the campaign's {@code zeroRule} decided (nobody answered).
     */
    public record Result(Campaign campaign, String name, OrganizationType type, String oktmo, String municipality,
                  List<Double> criteria, double total, double totalComputed, String totalCheck, Integer placeRegion, Integer placeType,
                  Integer placeMunicipality, int countRegion, int countType, int countMunicipality,
                  List<String> zeroRuleIndicators, String zeroRule) {
    }

    /** An earlier or later published result of the same organization, for the change and the "latest" check. */
    public record Summary(long campaignId, int year, OffsetDateTime publishedAt, double total, String methodologyCode) {
    }

    public record Card(Organization organization, Result shown, Summary previous, Summary latest) {
    }

    public record Municipality(String oktmo, String name, String regionCode, String regionName, boolean demoRegion) {
    }

    /** A row of a municipality ranking; {@code place} is the place inside the table's group. */
    public record RankingRow(long organizationId, String name, String shortName, OrganizationType type, List<Double> criteria, double total,
                      int place, Integer placeRegion) {
    }

    public record Ranking(Municipality municipality, Campaign campaign, OrganizationType type, List<RankingRow> rows,
                   int countRegion) {
    }

    /** An organization found on the editor page. */
    public record Found(long id, String name, String shortName, OrganizationType type, String municipality,
                 String oktmo, String regionName, boolean demoRegion, Integer latestYear) {
    }
}
