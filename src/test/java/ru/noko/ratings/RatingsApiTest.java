package ru.noko.ratings;

import ru.noko.campaigns.results.ResultColumns;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import ru.noko.support.Admin;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.Csv;
import ru.noko.support.Json;
import ru.noko.support.Rows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ru.noko.support.Rows.assertSameRows;
import static ru.noko.support.Rows.list;
import static ru.noko.support.Rows.problemFields;
import static ru.noko.support.Rows.texts;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rankings on the demonstration region: order, places, scopes, errors, JSON = CSV. */
@MicronautTest(transactional = false)
class RatingsApiTest extends AdminApiTestBase {

    @Test
    void rankingIsOrderedByTotalWithCompetitionPlacesRecomputedHere() {
        JsonNode body = Json.parse(api.get("/api/v1/ratings?region=00&year=2022&per_page=500").body());
        List<JsonNode> rows = list(body.get("data"));
        assertEquals(body.at("/campaign/organizations_count").asInt(), rows.size(), "every organization of the campaign");
        assertEquals(rows.size(), body.at("/meta/total").asInt());
        assertEquals(2022, body.at("/scope/year").asInt());
        assertTrue(rows.size() > 50);
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(total(rows.get(i - 1)) >= total(rows.get(i)), "descending by the unrounded total at row " + i);
        }
        for (JsonNode row : rows) {
            assertEquals(competitionPlace(rows, row, r -> true), row.get("place_region").asInt(), row.toString());
            assertEquals(competitionPlace(rows, row, r -> r.get("type").equals(row.get("type"))),
                    row.get("place_type").asInt());
            assertEquals(competitionPlace(rows, row, r -> r.path("oktmo").equals(row.path("oktmo"))),
                    row.get("place_municipality").asInt());
            assertEquals(row.get("place_region").asInt(), row.get("place").asInt(), "region scope: place is the place in the region");
            double mean = 0;
            for (int k = 1; k <= 5; k++) {
                mean += row.get("k" + k).asDouble() / 5;
            }
            assertEquals(mean, total(row), 1e-9);
        }
    }

    /** Issue 13: the zero-denominator rule is a choice, so every public result names where it decided a value. */
    @Test
    void everyPublicResultNamesTheIndicatorsTheZeroDenominatorRuleDecided() {
        long id = admin.createCampaign("59", 2043, "НОКО детских садов 2043 (тест правила нулевого знаменателя)", "preschool");
        JsonNode job = admin.uploadAndWait(id, Admin.fixture("raw-inputs-utf8-bom.csv"), "text/csv", null);
        assertEquals(0, job.get("errors_count").asInt(), job.toString());
        assertEquals(200, admin.publish(id).code());
        // Детский сад № 3: nobody with a disability (3.3), nobody used remote channels (4.3)
        Map<String, List<String>> expected = Map.of("5902002012", List.of(), "5902002020", List.of(),
                "5902002037", List.of("3.3", "4.3"));

        List<JsonNode> results = list(Json.parse(api.get("/api/v1/campaigns/" + id + "/results").body()).get("data"));
        assertEquals(expected, zeroRuleByInn(results));
        Csv.Table resultsCsv = Csv.parse(api.get("/api/v1/campaigns/" + id + "/results?format=csv").body());
        assertEquals(Map.of("5902002012", "", "5902002020", "", "5902002037", "3.3|4.3"), zeroRuleCellsByInn(resultsCsv));
        assertSameRows(results, resultsCsv);
        JsonNode chosen = Json.parse(api.get("/api/v1/campaigns/" + id + "/results?fields=inn,zero_rule_indicators").body());
        assertEquals(expected, zeroRuleByInn(list(chosen.get("data"))));

        List<JsonNode> ranking = list(Json.parse(api.get("/api/v1/ratings?region=59&year=2043").body()).get("data"));
        assertEquals(expected, zeroRuleByInn(ranking));
        Csv.Table rankingCsv = Csv.parse(api.get("/api/v1/ratings?region=59&year=2043&format=csv").body());
        assertEquals(Map.of("5902002012", "", "5902002020", "", "5902002037", "3.3|4.3"), zeroRuleCellsByInn(rankingCsv));
        assertSameRows(ranking, rankingCsv);

        for (JsonNode row : ranking) {
            long organization = row.get("organization_id").asLong();
            List<String> named = expected.get(row.get("inn").asText());
            List<JsonNode> history = list(Json.parse(api.get("/api/v1/organizations/" + organization + "/results").body()).get("data"));
            JsonNode inCampaign = history.stream().filter(h -> h.get("campaign_id").asLong() == id).findFirst().orElseThrow();
            assertEquals(named, texts(inCampaign.get("zero_rule_indicators")));
            Csv.Table historyCsv = Csv.parse(api.get("/api/v1/organizations/" + organization + "/results?format=csv").body());
            assertSameRows(history, historyCsv);
            assertEquals(String.join("|", named), historyCsv.rows().get(history.indexOf(inCampaign)).get("zero_rule_indicators"));

            JsonNode latest = Json.parse(api.get("/api/v1/organizations/" + organization).body()).get("latest_result");
            assertEquals(id, latest.get("campaign_id").asLong(), "no later campaign of these organizations");
            assertEquals(named, texts(latest.get("zero_rule_indicators")));
            assertEquals(row.get("total_computed").asDouble(), latest.get("total_computed").asDouble());
            assertEquals(row.get("total_check").asText(), latest.get("total_check").asText());
        }

        String organizations = String.join(",", ranking.stream().map(r -> r.get("organization_id").asText()).toList());
        JsonNode comparison = Json.parse(api.get("/api/v1/compare?organizations=" + organizations).body());
        JsonNode year2043 = list(comparison.get("data")).stream().filter(y -> y.get("year").asInt() == 2043)
                .findFirst().orElseThrow();
        List<JsonNode> compared = list(year2043.get("results"));
        assertEquals(ranking.size(), compared.size());
        for (JsonNode entry : compared) {
            JsonNode ranked = ranking.stream().filter(r -> r.get("organization_id").equals(entry.get("organization_id")))
                    .findFirst().orElseThrow();
            assertEquals(expected.get(ranked.get("inn").asText()), texts(entry.get("zero_rule_indicators")));
            assertEquals(ranked.get("total_computed").asDouble(), entry.get("total_computed").asDouble());
            assertEquals(ranked.get("total_check").asText(), entry.get("total_check").asText());
        }
        Csv.Table comparisonCsv = Csv.parse(api.get("/api/v1/compare?organizations=" + organizations + "&format=csv").body());
        assertTrue(comparisonCsv.rows().stream().anyMatch(r -> "2043".equals(r.get("year"))
                && "3.3|4.3".equals(r.get("zero_rule_indicators"))), "the CSV names them too");
    }

    private static Map<String, List<String>> zeroRuleByInn(List<JsonNode> rows) {
        Map<String, List<String>> byInn = new HashMap<>();
        rows.forEach(row -> byInn.put(row.get("inn").asText(), texts(row.get("zero_rule_indicators"))));
        return byInn;
    }

    private static Map<String, String> zeroRuleCellsByInn(Csv.Table table) {
        Map<String, String> byInn = new HashMap<>();
        table.rows().forEach(row -> byInn.put(row.get("inn"), row.get("zero_rule_indicators")));
        return byInn;
    }

    @Test
    void municipalityScopeShowsThePlaceInTheMunicipality() {
        List<JsonNode> all = list(Json.parse(api.get("/api/v1/ratings?region=00&year=2022&per_page=500").body()).get("data"));
        String oktmo = all.get(all.size() / 2).get("oktmo").asText();
        JsonNode body = Json.parse(api.get("/api/v1/ratings?region=00&year=2022&municipality=" + oktmo + "&per_page=500").body());
        List<JsonNode> rows = list(body.get("data"));
        assertEquals(all.stream().filter(r -> r.get("oktmo").asText().equals(oktmo)).count(), rows.size());
        assertEquals(oktmo, body.at("/scope/municipality").asText());
        assertFalse(body.at("/scope/municipality_name").asText().isEmpty());
        int previous = 0;
        for (JsonNode row : rows) {
            assertEquals(oktmo, row.get("oktmo").asText());
            assertEquals(row.get("place_municipality").asInt(), row.get("place").asInt());
            assertEquals(competitionPlace(rows, row, r -> true), row.get("place").asInt());
            assertTrue(row.get("place").asInt() >= previous);
            previous = row.get("place").asInt();
        }
        assertEquals(1, rows.get(0).get("place").asInt());
    }

    @Test
    void yearWithSeveralCampaignsNeedsAType() {
        HttpResponse<String> ambiguous = api.get("/api/v1/ratings?region=00&year=2021");
        assertEquals(400, ambiguous.code());
        JsonNode problem = Json.parse(ambiguous.body());
        assertEquals("type", problem.at("/errors/0/field").asText());
        assertTrue(problem.at("/errors/0/message").asText().contains("additional"));
        assertTrue(problem.at("/errors/0/message").asText().contains("vocational"));

        JsonNode vocational = Json.parse(api.get("/api/v1/ratings?region=00&year=2021&type=vocational&per_page=500").body());
        assertEquals("vocational", vocational.at("/scope/type").asText());
        assertTrue(vocational.get("data").size() > 0);
        vocational.get("data").forEach(row -> {
            assertEquals("vocational", row.get("type").asText());
            assertEquals(row.get("place_type").asInt(), row.get("place").asInt());
        });
        assertEquals(List.of("vocational"), texts(vocational.at("/campaign/types")));
    }

    @Test
    void withoutYearTheLatestCampaignIsRanked() {
        JsonNode campaigns = Json.parse(api.get("/api/v1/campaigns?region=00&type=school").body());
        int latest = 0;
        for (JsonNode campaign : campaigns.get("data")) {
            latest = Math.max(latest, campaign.get("year").asInt());
        }
        JsonNode ranking = Json.parse(api.get("/api/v1/ratings?region=00&type=school&per_page=1").body());
        assertEquals(latest, ranking.at("/scope/year").asInt());
        assertEquals(latest, ranking.at("/campaign/year").asInt());
    }

    @Test
    void unknownScopesAreNotFound() {
        assertEquals(404, api.get("/api/v1/ratings?region=98").code(), "no such region");
        assertEquals(404, api.get("/api/v1/ratings?region=00&year=2018").code(), "no campaign that year");
        assertEquals(404, api.get("/api/v1/ratings?region=00&type=higher").code(), "no campaign of that type");
        HttpResponse<String> otherMunicipality = api.get("/api/v1/ratings?region=00&year=2022&municipality=12345678");
        assertEquals(404, otherMunicipality.code());
        assertTrue(Json.parse(otherMunicipality.body()).get("detail").asText().contains("12345678"));
    }

    @Test
    void everyBadParameterIsListed() {
        HttpResponse<String> response = api.get("/api/v1/ratings?region=0&year=abc&type=castle&municipality=1&per_page=501&page=0&format=xml&dialect=word");
        assertEquals(400, response.code());
        assertEquals(Set.of("region", "year", "type", "municipality", "per_page", "page", "format", "dialect"),
                problemFields(Json.parse(response.body())));
        HttpResponse<String> missing = api.get("/api/v1/ratings?year=2022");
        assertEquals(400, missing.code());
        assertEquals(Set.of("region"), problemFields(Json.parse(missing.body())));
    }

    @Test
    void pagesSliceTheSameRankingAndLink() {
        List<JsonNode> all = list(Json.parse(api.get("/api/v1/ratings?region=00&year=2022&per_page=500").body()).get("data"));
        HttpResponse<String> response = api.get("/api/v1/ratings?region=00&year=2022&per_page=10&page=2");
        List<JsonNode> page = list(Json.parse(response.body()).get("data"));
        assertEquals(10, page.size());
        for (int i = 0; i < 10; i++) {
            assertEquals(all.get(10 + i).get("organization_id").asLong(), page.get(i).get("organization_id").asLong());
        }
        String link = response.header("Link");
        assertTrue(link.contains("page=3>; rel=\"next\"") && link.contains("page=1>; rel=\"prev\""), link);
    }

    @Test
    void jsonAndCsvCarryTheSameRows() {
        String uri = "/api/v1/ratings?region=00&year=2022&per_page=500";
        List<JsonNode> json = list(Json.parse(api.get(uri).body()).get("data"));
        HttpResponse<String> csvResponse = api.get("/api/v1/ratings?region=00&year=2022&format=csv");
        assertTrue(csvResponse.getContentType().orElseThrow().toString().startsWith("text/csv"));
        assertTrue(csvResponse.header("Content-Disposition").contains("ratings-00-2022.csv"));
        Csv.Table csv = Csv.parse(csvResponse.body());
        assertEquals(List.of("place", "place_region", "place_type", "place_municipality", "organization_id", "inn", "kpp",
                "name", "type", "oktmo", "municipality", "k1", "k2", "k3", "k4", "k5", "total", "total_computed", "total_check",
                "zero_rule_indicators"),
                csv.header());
        assertSameRows(json, csv);

        HttpResponse<String> byAccept = api.call(HttpRequest.GET("/api/v1/ratings?region=00&year=2022").accept("text/csv"));
        assertEquals(csvResponse.body(), byAccept.body(), "Accept: text/csv and ?format=csv give the same table");
    }

    @Test
    void excelDialectHasBomSemicolonsAndDecimalCommas() {
        String excel = api.get("/api/v1/ratings?region=00&year=2022&format=csv&dialect=excel").body();
        assertTrue(excel.startsWith("\uFEFFplace;place_region;"), excel.substring(0, 40));
        assertTrue(excel.contains("\r\n"));
        Csv.Table table = Csv.parse(excel, ';');
        List<JsonNode> json = list(Json.parse(api.get("/api/v1/ratings?region=00&year=2022&per_page=500").body()).get("data"));
        assertEquals(json.size(), table.rows().size());
        for (int i = 0; i < json.size(); i++) {
            String total = table.rows().get(i).get("total");
            assertTrue(total.contains(",") && !total.contains("."), total);
            assertEquals(total(json.get(i)), Double.parseDouble(total.replace(',', '.')));
        }
    }

    @Test
    void organizationHistoryShowsEveryCycleWithTheChangeAgainstThePreviousOne() {
        long id = Json.parse(api.get("/api/v1/ratings?region=00&year=2025&type=school&per_page=1").body())
                .at("/data/0/organization_id").asLong();
        JsonNode body = Json.parse(api.get("/api/v1/organizations/" + id + "/results").body());
        assertEquals(id, body.at("/organization/id").asLong());
        List<JsonNode> cycles = list(body.get("data"));
        assertTrue(cycles.size() >= 2, "a demo school is assessed in several cycles");
        for (int i = 1; i < cycles.size(); i++) {
            assertTrue(cycles.get(i - 1).get("year").asInt() > cycles.get(i).get("year").asInt(), "latest first");
        }
        for (int i = 0; i < cycles.size(); i++) {
            JsonNode cycle = cycles.get(i);
            JsonNode earlier = cycles.subList(i + 1, cycles.size()).stream()
                    .filter(c -> c.get("type").equals(cycle.get("type"))).findFirst().orElse(null);
            if (earlier == null) {
                assertTrue(cycle.path("previous_year").isMissingNode(), "the first cycle has no previous one");
                assertTrue(cycle.path("change_total").isMissingNode());
                continue;
            }
            assertEquals(earlier.get("year").asInt(), cycle.get("previous_year").asInt());
            assertEquals(earlier.get("campaign_id").asLong(), cycle.get("previous_campaign_id").asLong());
            assertEquals(total(cycle) - total(earlier), cycle.get("change_total").asDouble(), 1e-12);
            for (int k = 1; k <= 5; k++) {
                assertEquals(cycle.get("k" + k).asDouble() - earlier.get("k" + k).asDouble(),
                        cycle.get("change_k" + k).asDouble(), 1e-12);
            }
        }
        JsonNode latest = cycles.get(0);
        for (String expertIndicator : List.of("i1_1", "i1_2", "i2_1", "i3_1", "i3_2")) {
            assertTrue(latest.get(expertIndicator).isNumber(), "indicator " + expertIndicator + " is shown");
        }

        // places and counts agree with the campaign's own table
        JsonNode campaignRow = Json.parse(api.get("/api/v1/campaigns/" + latest.get("campaign_id").asLong()
                + "/results?per_page=500&fields=organization_id,place_region,place_type,place_municipality").body()).get("data");
        JsonNode own = list(campaignRow).stream().filter(r -> r.get("organization_id").asLong() == id).findFirst().orElseThrow();
        assertEquals(own.get("place_region"), latest.get("place_region"));
        assertEquals(own.get("place_municipality"), latest.get("place_municipality"));
        assertEquals(campaignRow.size(), latest.get("organizations_in_region").asInt());

        Csv.Table csv = Csv.parse(api.get("/api/v1/organizations/" + id + "/results?format=csv").body());
        assertSameRows(cycles, csv);
        assertTrue(csv.header().containsAll(ResultColumns.INDICATORS));
        assertTrue(csv.header().containsAll(List.of("change_total", "change_k1", "change_k5", "previous_year")));

        assertEquals(404, api.get("/api/v1/organizations/999999999/results").code());
        assertEquals(400, api.get("/api/v1/organizations/0/results").code());
    }

    @Test
    void statisticsCoverEveryYearAndMatchTheResultsTables() {
        JsonNode statistics = Json.parse(api.get("/api/v1/regions/00/statistics").body());
        assertEquals("Демонстрационная область", statistics.get("region_name").asText());
        List<JsonNode> rows = list(statistics.get("data"));
        Set<Integer> campaignYears = new HashSet<>();
        JsonNode campaigns = Json.parse(api.get("/api/v1/campaigns?region=00&per_page=500").body()).get("data");
        campaigns.forEach(c -> campaignYears.add(c.get("year").asInt()));
        Set<Integer> statisticYears = new HashSet<>();
        rows.forEach(r -> statisticYears.add(r.get("year").asInt()));
        assertEquals(campaignYears, statisticYears, "every year with a published campaign");
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).get("year").asInt() <= rows.get(i).get("year").asInt());
        }
        for (JsonNode campaign : campaigns) {
            for (JsonNode type : campaign.get("types")) {
                JsonNode row = rows.stream().filter(r -> r.get("year").asInt() == campaign.get("year").asInt()
                        && r.get("type").equals(type)).findFirst().orElseThrow();
                List<JsonNode> results = list(Json.parse(api.get("/api/v1/campaigns/" + campaign.get("id").asLong()
                        + "/results?per_page=500&type=" + type.asText()).body()).get("data"));
                assertEquals(results.size(), row.get("count").asInt());
                for (String column : List.of("total", "k1", "k2", "k3", "k4", "k5")) {
                    double sum = 0;
                    double min = Double.MAX_VALUE;
                    double max = -Double.MAX_VALUE;
                    for (JsonNode result : results) {
                        double value = result.get(column).asDouble();
                        sum += value;
                        min = Math.min(min, value);
                        max = Math.max(max, value);
                    }
                    assertEquals(sum / results.size(), row.get(column + "_mean").asDouble(), 1e-9, column + " mean");
                    assertEquals(min, row.get(column + "_min").asDouble(), column + " min");
                    assertEquals(max, row.get(column + "_max").asDouble(), column + " max");
                }
            }
        }
        JsonNode schools = Json.parse(api.get("/api/v1/regions/00/statistics?type=school").body());
        schools.get("data").forEach(r -> assertEquals("school", r.get("type").asText()));
        assertTrue(schools.get("data").size() >= 2, "schools over several years: a trend");
        JsonNode oneYear = Json.parse(api.get("/api/v1/regions/00/statistics?year=2021").body());
        assertEquals(2, oneYear.get("data").size(), "additional and vocational in 2021");

        assertSameRows(rows, Csv.parse(api.get("/api/v1/regions/00/statistics?format=csv").body()));
        assertEquals(404, api.get("/api/v1/regions/98/statistics").code());
        assertEquals(Set.of("year", "type"), problemFields(Json.parse(api.get("/api/v1/regions/00/statistics?year=1990&type=x").body())));
    }

    @Test
    void compareAlignsCampaignYears() {
        JsonNode schools = Json.parse(api.get("/api/v1/ratings?region=00&year=2022&type=school&per_page=2").body()).get("data");
        long school1 = schools.get(0).get("organization_id").asLong();
        long school2 = schools.get(1).get("organization_id").asLong();
        long kindergarten = Json.parse(api.get("/api/v1/ratings?region=00&year=2023&type=preschool&per_page=1").body())
                .at("/data/0/organization_id").asLong();
        List<Long> ids = List.of(kindergarten, school1, school2);
        JsonNode comparison = Json.parse(api.get("/api/v1/compare?organizations=" + kindergarten + "," + school1 + ","
                + school2 + "," + school1).body());
        assertEquals(ids, longs(comparison.get("organizations"), "id"), "in the order asked, repeats ignored");

        Set<Integer> expectedYears = new java.util.TreeSet<>();
        Map<Long, List<JsonNode>> histories = new HashMap<>();
        for (long id : ids) {
            List<JsonNode> history = list(Json.parse(api.get("/api/v1/organizations/" + id + "/results").body()).get("data"));
            histories.put(id, history);
            history.forEach(h -> expectedYears.add(h.get("year").asInt()));
        }
        List<Integer> years = new ArrayList<>();
        comparison.get("data").forEach(y -> years.add(y.get("year").asInt()));
        assertEquals(new ArrayList<>(expectedYears), years, "every year any of them was assessed, ascending");
        for (JsonNode year : comparison.get("data")) {
            assertEquals(ids, longs(year.get("results"), "organization_id"), "one entry per organization, aligned");
            for (JsonNode entry : year.get("results")) {
                JsonNode cycle = histories.get(entry.get("organization_id").asLong()).stream()
                        .filter(h -> h.get("year").asInt() == year.get("year").asInt()).findFirst().orElse(null);
                assertEquals(cycle != null, entry.get("assessed").asBoolean());
                if (cycle != null) {
                    assertEquals(total(cycle), total(entry));
                    assertEquals(cycle.get("campaign_id").asLong(), entry.get("campaign_id").asLong());
                    assertEquals(cycle.get("place_region"), entry.get("place_region"));
                } else {
                    assertTrue(entry.path("total").isMissingNode());
                }
            }
        }
        List<JsonNode> entries = new ArrayList<>();
        comparison.get("data").forEach(y -> y.get("results").forEach(entries::add));
        Csv.Table csv = Csv.parse(api.get("/api/v1/compare?organizations=" + kindergarten + "," + school1 + "," + school2
                + "&format=csv").body());
        assertSameRows(entries, csv);
    }

    @Test
    void compareReportsEveryUnknownOrganizationAndBoundsTheList() {
        HttpResponse<String> unknown = api.get("/api/v1/compare?organizations=1,999999998,999999999");
        assertEquals(404, unknown.code());
        List<String> values = new ArrayList<>();
        Json.parse(unknown.body()).get("errors").forEach(e -> {
            assertEquals("organizations", e.get("field").asText());
            values.add(e.get("value").asText());
        });
        assertEquals(List.of("999999998", "999999999"), values);
        assertEquals(400, api.get("/api/v1/compare?organizations=1,2,3,4,5,6,7,8,9,10,11").code(), "at most 10");
        assertEquals(400, api.get("/api/v1/compare?organizations=1,abc").code());
        assertEquals(400, api.get("/api/v1/compare").code());
    }

    static int competitionPlace(List<JsonNode> rows, JsonNode row, Predicate<JsonNode> sameGroup) {
        return 1 + (int) rows.stream().filter(sameGroup).filter(r -> total(r) > total(row)).count();
    }

    static double total(JsonNode row) {
        JsonNode total = row.get("total");
        assertNotNull(total, row.toString());
        return total.asDouble();
    }

    static List<Long> longs(JsonNode array, String field) {
        return list(array).stream().map(node -> node.get(field).asLong()).toList();
    }

}
