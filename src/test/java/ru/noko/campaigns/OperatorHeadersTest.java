package ru.noko.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import ru.noko.support.AdminApiTestBase;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Results tables headed the way operators write them: the full criterion and indicator names. */
@MicronautTest(transactional = false)
class OperatorHeadersTest extends AdminApiTestBase {

    @Test
    void fullCriterionAndIndicatorNamesAreRecognised() {
        // bus.gov.ru's general wording for K1, K3–K5, the education wording for K2, an indicator in
        // the general wording of Приказ № 344н and one as the catalogue names it.
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ИНН", "inn");
        headers.put("КПП", "kpp");
        headers.put("Наименование организации", "name");
        headers.put("Открытость и доступность информации об организации", "k1");
        headers.put("Комфортность условий, в которых осуществляется образовательная деятельность", "k2");
        headers.put("Доступность услуг для инвалидов", "k3");
        headers.put("Доброжелательность, вежливость работников организации", "k4");
        headers.put("Удовлетворённость условиями оказания услуг", "k5");
        headers.put("Доля получателей услуг, удовлетворённых доступностью услуг для инвалидов", "i3_3");
        headers.put("Доля получателей образовательных услуг, удовлетворённых организационными условиями предоставления"
                + " образовательных услуг (графиком и режимом работы организации)", "i5_2");
        String csv = String.join(";", headers.keySet().stream().map(h -> "\"" + h + "\"").toList()) + "\n"
                + "5904004015;590401001;Центр «Радуга»;82,4;74,5;43;92,8;83,2;75;90\n";

        long id = admin.createCampaign("59", 2042, "НОКО доп. образования (тест заголовков операторов)", "additional");
        JsonNode job = admin.uploadAndWait(id, csv.getBytes(StandardCharsets.UTF_8), "text/csv", "dry_run=true");

        assertEquals(0, job.get("errors_count").asInt(), job.toString());
        assertEquals("results", job.at("/detected/level").asText());
        Map<String, String> mapped = new LinkedHashMap<>();
        job.at("/detected/columns").forEach(c -> mapped.put(c.get("header").asText(), c.path("field").asText(null)));
        assertEquals(headers, mapped);
        assertEquals(1, job.get("organizations").asInt(), job.toString());
    }
}
