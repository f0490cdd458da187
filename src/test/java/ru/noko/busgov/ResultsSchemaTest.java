package ru.noko.busgov;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

import javax.xml.validation.Schema;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** results.xsd itself: its identifier types are the official ones, and it rejects what it should. */
class ResultsSchemaTest {

    private static final String XS = "http://www.w3.org/2001/XMLSchema";
    private final byte[] xsd = new BusGovSchema().bytes();
    private final Schema schema = Schemas.of(xsd);

    @ParameterizedTest(name = "{0} has the pattern of the official {1}")
    @CsvSource({"innUlType,innUlType", "kppType,kppType", "ogsCodeType,ogsCodeType", "oktmoCodeType,oktmoCodeType",
            "ogrnCodeType,ogrnCodeType", "yearType,yearType"})
    void identifierPatternsAreCopiedFromTheOfficialTypes(String ours, String official) throws Exception {
        List<String> officialPatterns = patterns(Dom.root(Schemas.officialBytes()), official);
        List<String> ourPatterns = patterns(Dom.root(xsd), ours);
        assertEquals(1, officialPatterns.size());
        assertEquals(officialPatterns.get(0), ourPatterns.get(0), "the first pattern is the official one");
        if (ours.equals("kppType")) {
            assertEquals(List.of("\\d{9}", "\\d{4}[0-9A-Z]{2}\\d{3}"), ourPatterns, "plus ФНС letters in places 5–6");
        } else {
            assertEquals(officialPatterns, ourPatterns);
        }
        String documentation = simpleType(Dom.root(xsd), ours).getTextContent();
        assertTrue(documentation.contains(official), "the documentation names the official type " + official);
    }

    @Test
    void theSchemaImportsNothingAndHasItsOwnNamespace() {
        Element root = Dom.root(xsd);
        assertEquals(ResultsXml.NAMESPACE, root.getAttribute("targetNamespace"));
        assertTrue(root.getElementsByTagNameNS(XS, "import").getLength() == 0
                && root.getElementsByTagNameNS(XS, "include").getLength() == 0);
    }

    @Test
    void aWrittenDocumentValidatesAndEscapesEverything() {
        OrganizationResult tricky = Samples.organization("5902000001", "590201001", BusGovExportTest.TRICKY_NAME
                + " \u0001 control character dropped", 82.4, null);
        byte[] xml = write(tricky);
        assertEquals(List.of(), Schemas.errors(schema, xml));
        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text.contains("Школа \"Ромашка\" &amp; Co &lt;1&gt;"), text);
        assertFalse(text.contains("\u0001"));
        Element organization = Dom.child(Dom.root(xml), "organization");
        assertEquals(BusGovExportTest.TRICKY_NAME + "  control character dropped", Dom.text(organization, "fullName"));
        assertEquals("2024-12-20T04:30:15Z", Dom.text(Dom.child(Dom.root(xml), "campaign"), "publishedAt"));
    }

    @Test
    void theSchemaRejectsMalformedIdentifiersAndScores() {
        String valid = new String(write(Samples.organization("5902000001", "590201001", "Школа", 82.4, null)),
                StandardCharsets.UTF_8);
        assertEquals(List.of(), Schemas.errors(schema, valid.getBytes(StandardCharsets.UTF_8)));
        assertInvalid(valid.replace("<inn>5902000001</inn>", "<inn>590200001</inn>"), "ИНН of 9 digits");
        assertInvalid(valid.replace("<kpp>590201001</kpp>", "<kpp>5902ab001</kpp>"), "КПП with small letters");
        assertInvalid(valid.replace("<regNum>5700000000001</regNum>", "<regNum>57Z</regNum>"), "regNum");
        assertInvalid(valid.replace("<oktmo>57701000</oktmo>", "<oktmo>577010</oktmo>"), "ОКТМО of 6 digits");
        assertInvalid(valid.replaceFirst("<value>82.4</value>", "<value>100.5</value>"), "score above 100");
        assertInvalid(valid.replaceFirst("<rounded>82.40</rounded>", "<rounded>82.401</rounded>"), "3 decimals");
        assertInvalid(valid.replace("busGovField=\"timeoutValue\"", "busGovField=\"waitingValue\""), "unknown slot");
        assertTrue(Schemas.errors(schema, valid.replace("<kpp>590201001</kpp>", "<kpp>5902AB001</kpp>")
                .getBytes(StandardCharsets.UTF_8)).isEmpty(), "ФНС letters in places 5–6 are accepted");
    }

    private void assertInvalid(String xml, String what) {
        assertFalse(Schemas.errors(schema, xml.getBytes(StandardCharsets.UTF_8)).isEmpty(), what + " must be rejected");
    }

    static byte[] write(OrganizationResult organization) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultsXml.write(out, Samples.campaign(), Samples.METHODOLOGY, List.of(organization));
        return out.toByteArray();
    }

    private static List<String> patterns(Element schemaRoot, String typeName) {
        Element type = simpleType(schemaRoot, typeName);
        List<String> values = new java.util.ArrayList<>();
        var patterns = type.getElementsByTagNameNS(XS, "pattern");
        for (int i = 0; i < patterns.getLength(); i++) {
            values.add(((Element) patterns.item(i)).getAttribute("value"));
        }
        return values;
    }

    private static Element simpleType(Element schemaRoot, String name) {
        for (Element type : Dom.children(schemaRoot, "simpleType")) {
            if (name.equals(type.getAttribute("name"))) {
                return type;
            }
        }
        throw new AssertionError("No simple type " + name);
    }
}
