package ru.noko.ratings;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.noko.support.ApiTestBase;
import ru.noko.support.Csv;
import ru.noko.support.Json;
import ru.noko.support.TestCampaigns;
import ru.noko.support.TestCampaigns.Org;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.noko.support.Rows.assertSameRows;
import static ru.noko.support.Rows.list;
import static ru.noko.support.TestCampaigns.MUNICIPALITY_A;
import static ru.noko.support.TestCampaigns.MUNICIPALITY_B;

/**
 * A campaign built for ranking edge cases: exactly equal totals share a place and the next one
 * skips ("1224"), across the region, inside type groups and municipalities; names that a
 * spreadsheet would run as formulas are neutralised in CSV and untouched in JSON.
 */
@MicronautTest(transactional = false)
class RankingTiesTest extends ApiTestBase {

    @Inject
    ApplicationContext context;

    TestCampaigns.Published campaign;
    final Org d = TestCampaigns.org("Школа Д", "school", MUNICIPALITY_B, 95);
    final Org a = TestCampaigns.org("Школа А", "school", MUNICIPALITY_A, 90);
    final Org b = TestCampaigns.org("Школа Б", "school", MUNICIPALITY_A, 90);
    final Org g = TestCampaigns.org("+Детский сад Плюс", "preschool", MUNICIPALITY_A, 90);
    final Org c = TestCampaigns.org("Школа В", "school", MUNICIPALITY_A, 80);
    final Org e = TestCampaigns.org("=HYPERLINK(\"x\")", "school", MUNICIPALITY_B, 70);
    final Org f = TestCampaigns.org("-Детский сад; «Минус»", "preschool", MUNICIPALITY_B, 60);
    final Org h = TestCampaigns.org("@Школа \"Собака\"", "school", MUNICIPALITY_B, 60);

    @BeforeAll
    void setUp() {
        campaign = TestCampaigns.publish(context, List.of(f, e, c, g, b, a, d, h));
    }

    @Test
    void equalTotalsShareAPlaceAndTheNextSkips() {
        JsonNode body = Json.parse(api.get(ratings("")).body());
        Map<String, JsonNode> rows = byInn(body.get("data"));
        assertEquals(8, rows.size());
        assertEquals(rows.get(a.inn()).get("total").asDouble(), rows.get(b.inn()).get("total").asDouble(), 0.0,
                "equal inputs give exactly equal totals");
        assertPlaces(rows, "place_region", Map.of(d, 1, a, 2, b, 2, g, 2, c, 5, e, 6, f, 7, h, 7));
        assertPlaces(rows, "place_type", Map.of(d, 1, a, 2, b, 2, c, 4, e, 5, h, 6, g, 1, f, 2));
        assertPlaces(rows, "place_municipality", Map.of(a, 1, b, 1, g, 1, c, 4, d, 1, e, 2, f, 3, h, 3));
        assertPlaces(rows, "place", Map.of(d, 1, a, 2, b, 2, g, 2, c, 5, e, 6, f, 7, h, 7));

        List<JsonNode> ordered = list(body.get("data"));
        assertEquals(d.inn(), ordered.get(0).get("inn").asText());
        assertEquals(List.of(g.inn(), a.inn(), b.inn()), ordered.subList(1, 4).stream().map(r -> r.get("inn").asText()).toList(),
                "tied organizations in name order (+ before letters)");
    }

    @Test
    void typeAndMunicipalityScopesUseTheirOwnPlaces() {
        Map<String, JsonNode> preschools = byInn(Json.parse(api.get(ratings("&type=preschool")).body()).get("data"));
        assertEquals(2, preschools.size());
        assertPlaces(preschools, "place", Map.of(g, 1, f, 2));

        Map<String, JsonNode> inA = byInn(Json.parse(api.get(ratings("&municipality=" + MUNICIPALITY_A)).body()).get("data"));
        assertEquals(4, inA.size());
        assertPlaces(inA, "place", Map.of(a, 1, b, 1, g, 1, c, 4));
    }

    @Test
    void formulaLikeNamesAreNeutralisedInCsvOnly() {
        JsonNode json = Json.parse(api.get(ratings("")).body());
        Map<String, JsonNode> rows = byInn(json.get("data"));
        assertEquals("=HYPERLINK(\"x\")", rows.get(e.inn()).get("name").asText(), "JSON keeps the name as published");

        String csv = api.get(ratings("&format=csv")).body();
        assertTrue(csv.contains(",\"'=HYPERLINK(\"\"x\"\")\","), csv);
        assertTrue(csv.contains(",'+Детский сад Плюс,"));
        assertTrue(csv.contains(",'-Детский сад; «Минус»,"), "; is no delimiter here: not quoted");
        assertTrue(csv.contains(",\"'@Школа \"\"Собака\"\"\","));
        Csv.Table table = Csv.parse(csv);
        Map<String, String> cells = table.rows().stream().filter(r -> r.get("inn").equals(e.inn())).findFirst().orElseThrow();
        assertEquals("'=HYPERLINK(\"x\")", cells.get("name"));
        assertSameRows(list(json.get("data")), table);

        String excel = api.get(ratings("&format=csv&dialect=excel")).body();
        Csv.Table excelTable = Csv.parse(excel, ';');
        assertEquals("'-Детский сад; «Минус»", excelTable.rows().stream().filter(r -> r.get("inn").equals(f.inn()))
                .findFirst().orElseThrow().get("name"), "the ; inside the name is quoted in the Excel dialect");
    }

    private String ratings(String extra) {
        return "/api/v1/ratings?region=" + TestCampaigns.REGION + "&year=" + campaign.year() + "&per_page=500" + extra;
    }

    private static Map<String, JsonNode> byInn(JsonNode data) {
        Map<String, JsonNode> rows = new HashMap<>();
        data.forEach(row -> rows.put(row.get("inn").asText(), row));
        return rows;
    }

    private static void assertPlaces(Map<String, JsonNode> rows, String field, Map<Org, Integer> expected) {
        expected.forEach((org, place) -> assertEquals(place.intValue(), rows.get(org.inn()).get(field).asInt(),
                field + " of " + org.name()));
    }
}
