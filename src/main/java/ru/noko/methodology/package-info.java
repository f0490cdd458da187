/**
 * The НОКО methodology engine: the catalogue of criteria and indicators (read from
 * {@code data-seeds/methodology/*.csv}, see the README there), the formulas, and the calculation of
 * indicators, criteria and the total from raw inputs (METHODOLOGY.md §2, §4, §8).
 *
 * <p>Pure Java: no framework types; commons-csv reads the catalogue files. Typical use:
 * <pre>{@code
 * MethodologyCatalogue catalogue = MethodologyCatalogue.fromClasspath();
 * Methodology methodology = catalogue.defaultMethodology();
 * RawInputsValidator validator = new RawInputsValidator();
 * RawInputsValidator.Reading reading = validator.read(methodology, textValues);
 * if (reading.valid()) {
 *     Assessment assessment = new RatingCalculator().calculate(methodology,
 *             reading.inputs(), CalculationSettings.defaults(methodology));
 * } // else reading.problems() names every problem
 * }</pre>
 *
 * <p>Zero denominators follow {@link ru.noko.methodology.ZeroDenominatorRule}; with rule
 * {@code exclude}, a criterion whose indicators are all excluded raises
 * {@link ru.noko.methodology.CalculationException} with code {@code criterion_fully_excluded}.
 */
package ru.noko.methodology;
