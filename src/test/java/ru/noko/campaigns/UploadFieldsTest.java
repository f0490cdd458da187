package ru.noko.campaigns;

import org.junit.jupiter.api.Test;
import ru.noko.campaigns.upload.InputLevel;
import ru.noko.campaigns.upload.UploadFields;
import ru.noko.methodology.MethodologyCatalogue;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class UploadFieldsTest {

    private final UploadFields fields = new UploadFields(MethodologyCatalogue.fromClasspath().defaultMethodology(),
            UploadFields.seedAliases());

    @Test
    void russianHeadersMapOntoCanonicalFields() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("ИНН", "inn"), Map.entry(" кпп ", "kpp"), Map.entry("Наименование организации", "name"),
                Map.entry("Наименование", "name"), Map.entry("ОКТМО", "oktmo"), Map.entry("К1", "k1"),
                Map.entry("K5", "k5"), Map.entry("k3", "k3"), Map.entry("Итоговый балл", "total"),
                Map.entry("Общий  балл:", "total"), Map.entry("Место в рейтинге", "place_region"), Map.entry("Тип", "type"),
                Map.entry("satisfied_site", "satisfied_site"), Map.entry("Q7", "q7"), Map.entry("1.3", "i1_3"),
                Map.entry("Итоговый бал", "total".equals("x") ? "" : "__none__"));
        expected.forEach((header, field) -> {
            if ("__none__".equals(field)) {
                assertNull(fields.fieldOf(header), header);
            } else {
                assertEquals(field, fields.fieldOf(header), header);
            }
        });
        assertNull(fields.fieldOf("№ п/п"));
    }

    @Test
    void levelIsDetectedFromTheColumns() {
        assertEquals(InputLevel.RESULTS, fields.detectLevel(Set.of("inn", "kpp", "name", "k1", "k2")));
        assertEquals(InputLevel.RAW_INPUTS, fields.detectLevel(Set.of("inn", "respondents", "satisfied_site", "k1")));
        assertEquals(InputLevel.ANSWERS, fields.detectLevel(Set.of("organization_inn", "q1")));
        assertEquals(InputLevel.EXPERT, fields.detectLevel(Set.of("inn", "stand_items_present", "recipients")));
    }
}
