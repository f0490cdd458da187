package ru.noko.platform.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DigitsTest {

    @Test
    void acceptsOnlyAsciiDigits() {
        assertTrue(Digits.only("0123456789"));
        assertFalse(Digits.only(""));
        assertFalse(Digits.only(null));
        assertFalse(Digits.only("12 3"));
        assertFalse(Digits.only("+12"));
        assertFalse(Digits.only("12.0"));
        assertFalse(Digits.only("١٢٣"), "Arabic-Indic digits are not ASCII digits");
        assertFalse(Digits.only("１２"), "full-width digits are not ASCII digits");
    }

    @Test
    void checksTheLength() {
        assertTrue(Digits.only("7701010010", 10));
        assertFalse(Digits.only("770101001", 10));
        assertFalse(Digits.only("77010100101", 10));
        assertFalse(Digits.only("770101001X", 10));
        assertFalse(Digits.only(null, 10));
    }
}
