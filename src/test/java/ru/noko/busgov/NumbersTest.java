package ru.noko.busgov;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class NumbersTest {

    @Test
    void exactValuesKeepTheDigitsOfTheStoredDoubleWithoutExponentOrTrailingZero() {
        assertEquals("82.4", Numbers.exact(82.4));
        assertEquals("100", Numbers.exact(100.0));
        assertEquals("0", Numbers.exact(0.0));
        assertEquals("66.66666666666667", Numbers.exact(200.0 / 3));
        assertEquals("0.0001", Numbers.exact(1e-4), "Double.toString would say 1.0E-4");
        assertEquals("75.18", Numbers.exact(75.18));
    }

    @Test
    void exactTextIsTheSameNumberAsDoubleToStringAndParsesBackToTheSameDouble() {
        Random random = new Random(20261123);
        for (int i = 0; i < 20_000; i++) {
            double value = switch (i % 3) {
                case 0 -> random.nextDouble() * 100;                       // any score
                case 1 -> random.nextInt(1001) / 10.0;                     // one decimal, as operators publish
                default -> 100.0 * random.nextInt(600) / (1 + random.nextInt(600)) % 100; // survey shares
            };
            String text = Numbers.exact(value);
            assertFalse(text.contains("E") || text.contains("e"), text);
            assertEquals(0, new BigDecimal(text).compareTo(new BigDecimal(Double.toString(value))), text);
            assertEquals(value, Double.parseDouble(text));
        }
    }

    @Test
    void roundedIsHalfUpOnTheDecimalStringWithTwoDecimals() {
        assertEquals("75.18", Numbers.rounded(75.175), "the binary double is just below 75.175; the API rounds the decimal string");
        assertEquals("100.00", Numbers.rounded(100.0));
        assertEquals("66.67", Numbers.rounded(200.0 / 3));
        assertEquals("0.00", Numbers.rounded(0.004));
    }

    @Test
    void russianTextUsesDecimalCommaAndDropsTrailingZeros() {
        assertEquals("40", Numbers.russian(40.0));
        assertEquals("97,5", Numbers.russian(97.5));
        assertEquals("66,67", Numbers.russian(200.0 / 3));
        assertEquals("85,45", Numbers.russian(85.45454545454545));
    }
}
