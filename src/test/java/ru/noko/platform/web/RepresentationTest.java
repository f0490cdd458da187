package ru.noko.platform.web;

import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepresentationTest {

    @Test
    void formatParameterWinsOverAccept() {
        assertEquals(Representation.CSV, Representation.of(HttpRequest.GET("/x?format=csv").accept("application/json")));
        assertEquals(Representation.JSON, Representation.of(HttpRequest.GET("/x?format=json").accept("text/csv")));
        assertEquals(Representation.CSV_EXCEL, Representation.of(HttpRequest.GET("/x?format=csv&dialect=excel")));
        assertEquals(Representation.JSON, Representation.of(HttpRequest.GET("/x?dialect=excel")), "a dialect alone asks for no CSV");
    }

    @Test
    void acceptPicksCsvOnlyWhenPreferred() {
        assertTrue(Representation.prefersCsv("text/csv"));
        assertTrue(Representation.prefersCsv("text/csv;q=0.9, */*;q=0.1"));
        assertTrue(Representation.prefersCsv("application/json;q=0.5, text/csv"));
        assertFalse(Representation.prefersCsv("application/json, text/csv;q=0.5"));
        assertFalse(Representation.prefersCsv("text/html,application/xhtml+xml,*/*;q=0.8"), "a browser gets JSON");
        assertFalse(Representation.prefersCsv("text/csv;q=0"));
        assertFalse(Representation.prefersCsv(null));
        String xlsx = Representation.XLSX_TYPE;
        assertEquals(Representation.XLSX, Representation.fromAccept(xlsx));
        assertEquals(Representation.XLSX, Representation.fromAccept("application/json;q=0.5, " + xlsx));
        assertEquals(Representation.CSV, Representation.fromAccept("text/csv, " + xlsx), "CSV wins a tie");
        assertEquals(Representation.XLSX, Representation.fromAccept("text/csv;q=0.5, " + xlsx));
        assertEquals(Representation.JSON, Representation.fromAccept("application/json, " + xlsx + ";q=0.9"));
        assertEquals(Representation.JSON, Representation.fromAccept(xlsx + ";q=0"));
    }
}
