package ru.noko.methodology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WeightedMeanTest {

    @Test
    void renormalisesOverTheValuesAdded() {
        WeightedMean mean = new WeightedMean();
        mean.add(0.3, 40);
        mean.add(0.4, 60);
        // (12 + 24) / 0.7
        assertEquals(36 / 0.7, mean.value(), 1e-12);
    }

    /** In plain doubles, (0.1×100 + 0.69×100 + 0.21×100) / (0.1 + 0.69 + 0.21) = 100.00000000000001. */
    @Test
    void neverLeavesTheRangeOfItsValuesThroughRoundingNoise() {
        WeightedMean mean = new WeightedMean();
        mean.add(0.1, 100);
        mean.add(0.69, 100);
        mean.add(0.21, 100);
        assertEquals(100.0, mean.value(), 0.0);
    }

    @Test
    void anEmptyMeanHasNoValue() {
        WeightedMean mean = new WeightedMean();
        assertTrue(mean.isEmpty());
        assertThrows(IllegalStateException.class, mean::value);
    }
}
