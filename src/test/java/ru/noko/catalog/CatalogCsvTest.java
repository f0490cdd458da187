package ru.noko.catalog;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import ru.noko.support.ApiTestBase;
import ru.noko.support.Csv;
import ru.noko.support.Json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.noko.support.Rows.assertSameRows;
import static ru.noko.support.Rows.list;

/** The catalogue lists answer CSV too: the whole filtered list, the same rows and names as JSON. */
@MicronautTest(transactional = false)
class CatalogCsvTest extends ApiTestBase {

    @Test
    void regionsAndMunicipalities() {
        Csv.Table regions = Csv.parse(api.get("/api/v1/regions?format=csv").body());
        assertEquals(CatalogColumns.REGION.names(), regions.header());
        assertSameRows(list(Json.parse(api.get("/api/v1/regions?per_page=500").body()).get("data")), regions);

        HttpResponse<String> byAccept = api.call(HttpRequest.GET("/api/v1/regions/00/municipalities").accept("text/csv"));
        Csv.Table municipalities = Csv.parse(byAccept.body());
        assertEquals(CatalogColumns.MUNICIPALITY.names(), municipalities.header());
        assertSameRows(list(Json.parse(api.get("/api/v1/regions/00/municipalities?per_page=500").body()).get("data")),
                municipalities);
        assertEquals(404, api.get("/api/v1/regions/98/municipalities?format=csv").code());
    }

    @Test
    void organizationsStreamTheWholeFilteredList() {
        String filter = "region=00&type=school&sort=-name";
        HttpResponse<String> csv = api.get("/api/v1/organizations?" + filter + "&format=csv&per_page=5");
        assertEquals("chunked", csv.header("Transfer-Encoding"));
        Csv.Table table = Csv.parse(csv.body());
        assertEquals(CatalogColumns.ORGANIZATION.names(), table.header());
        var json = Json.parse(api.get("/api/v1/organizations?" + filter + "&per_page=500").body());
        assertTrue(json.at("/meta/total").asInt() > 5, "CSV ignores paging");
        assertSameRows(list(json.get("data")), table);

        String excel = api.get("/api/v1/organizations?" + filter + "&format=csv&dialect=excel").body();
        assertTrue(excel.startsWith("\uFEFFid;inn;kpp;"));
    }
}
