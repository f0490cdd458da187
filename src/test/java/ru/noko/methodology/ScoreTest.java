package ru.noko.methodology;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class ScoreTest {

    @Test
    void exactValuesKeepTheDigitsOfTheStoredDoubleWithoutExponentOrTrailingZero() {
        assertEquals("82.4", new Score(82.4).exact());
        assertEquals("100", new Score(100.0).exact());
        assertEquals("0", new Score(0.0).exact());
        assertEquals("66.66666666666667", new Score(200.0 / 3).exact());
        assertEquals("0.0001", new Score(1e-4).exact(), "Double.toString would say 1.0E-4");
        assertEquals("75.18", new Score(75.18).exact());
        assertEquals("0.3", new Score(0.3).exact(), "weights are written the same way");
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
            String text = new Score(value).exact();
            assertFalse(text.contains("E") || text.contains("e"), text);
            assertEquals(0, new BigDecimal(text).compareTo(new BigDecimal(Double.toString(value))), text);
            assertEquals(value, Double.parseDouble(text));
        }
    }

    @Test
    void roundedIsHalfUpOnTheDecimalStringWithTwoDecimals() {
        assertEquals("75.18", new Score(75.175).roundedText('.'), "the binary double is just below 75.175; the decimal string is rounded");
        assertEquals("51.43", new Score(36.0 / 0.7).roundedText('.'));
        assertEquals("100.00", new Score(100.0).roundedText('.'));
        assertEquals("66.67", new Score(200.0 / 3).roundedText('.'));
        assertEquals("0.00", new Score(0.004).roundedText('.'));
        assertEquals(new BigDecimal("82.40"), new Score(82.4).rounded());
        assertEquals("87,45", new Score(87.449999).roundedText(','), "widgets in Russian keep both decimals");
    }

    @Test
    void shortAndRussianTextsDropTrailingZeros() {
        assertEquals("40", new Score(40.0).russian());
        assertEquals("97,5", new Score(97.5).russian());
        assertEquals("66,67", new Score(200.0 / 3).russian());
        assertEquals("85,45", new Score(85.45454545454545).russian());
        assertEquals("100", new Score(100.0).shortText('.'));
        assertEquals("33.33", new Score(100.0 / 3).shortText('.'));
    }

    @Test
    void apiModelsGetTheRoundedValueAndKeepNull() {
        assertEquals(75.18, Score.roundedOrNull(75.175));
        assertEquals(0.0, Score.roundedOrNull(-0.004));
        assertNull(Score.roundedOrNull(null));
    }
}
