package ru.noko.catalog;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KppTest {

    @Test
    void fourDigitsTwoDigitsOrCapitalsThreeDigits() {
        assertTrue(Kpp.isValid("770101001"));
        assertTrue(Kpp.isValid("7701AB001"));
        assertFalse(Kpp.isValid("7701ab001"), "letters are capital Latin");
        assertFalse(Kpp.isValid("77010100"), "nine characters");
        assertFalse(Kpp.isValid("7701010011"));
        assertFalse(Kpp.isValid("77A101001"), "letters only in the reason code");
        assertFalse(Kpp.isValid("7701АБ001"), "Cyrillic letters are not allowed");
        assertFalse(Kpp.isValid(null));
    }
}
