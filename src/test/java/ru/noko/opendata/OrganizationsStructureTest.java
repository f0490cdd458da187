package ru.noko.opendata;

import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.noko.platform.database.Sql;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.Csv;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The organizations set gained link columns in a new structure; versions released before keep theirs. */
@MicronautTest(transactional = false)
class OrganizationsStructureTest extends AdminApiTestBase {

    private static final List<String> FIRST = List.of("organization_id", "inn", "kpp", "name", "type", "region_code",
            "oktmo", "last_assessed_year");

    @Inject
    Sql sql;

    @Inject
    ReleaseRepository releases;

    @Inject
    OpenDataSettings settings;

    @Test
    void aReleaseMadeBeforeTheLinksKeepsItsColumnsAndLaterOnesCarryThem() {
        String folder = "/opendata/" + settings.publisherInn() + "-noko-organizations/";
        Release old = releases.record("Проверка прежней структуры реестра");
        HttpResponse<String> before;
        try (RedatedRelease redated = RedatedRelease.as(sql, old, ResultsDataset.OFFICIAL_TOTALS)) {
            before = api.get(folder + "data-" + old.version() + "-structure-" + Dataset.FIRST_STRUCTURE + ".csv");
            assertEquals(200, before.code(), before.body());
            assertEquals(FIRST, Csv.parse(before.body()).header(), "the columns its files were published with");
            assertEquals(404, api.get(folder + "data-" + old.version() + "-structure-" + OrganizationsDataset.LINKS + ".csv").code());
        }

        Release current = releases.record("Проверка новой структуры реестра");
        HttpResponse<String> now = api.get(folder + "data-" + current.version() + "-structure-" + OrganizationsDataset.LINKS + ".csv");
        assertEquals(200, now.code(), now.body());
        List<String> withLinks = new java.util.ArrayList<>(FIRST);
        withLinks.addAll(List.of("predecessor_ids", "successor_ids"));
        assertEquals(withLinks, Csv.parse(now.body()).header());
        Csv.Table structure = Csv.parse(api.get(folder + "structure-" + OrganizationsDataset.LINKS + ".csv").body());
        assertEquals(withLinks, structure.rows().stream().map(r -> r.get("field name")).toList());
        assertEquals(200, api.get(folder + "structure-" + Dataset.FIRST_STRUCTURE + ".csv").code());
    }
}
