package ru.noko.catalog;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SearchTextTest {

    @Test
    void foldsCaseYoAndWhitespace() {
        assertEquals("мбоу «ёлочка» школа № 1".replace('ё', 'е'),
                SearchText.fold("  МБОУ\t«Ёлочка»\r\n  Школа   № 1 "));
    }

    @Test
    void keepsSingleSpacesAndOtherCharacters() {
        assertEquals("детский сад № 5 «солнышко»", SearchText.fold("Детский сад № 5 «Солнышко»"));
        assertEquals("", SearchText.fold(" \t "));
    }
}
