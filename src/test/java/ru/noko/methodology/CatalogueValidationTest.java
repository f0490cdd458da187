package ru.noko.methodology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Broken catalogue files are rejected with a message that says what is wrong. */
class CatalogueValidationTest {

    private static final String M = CatalogueReader.METHODOLOGIES_FILE;
    private static final String C = CatalogueReader.CRITERIA_FILE;
    private static final String I = CatalogueReader.INDICATORS_FILE;

    @Test
    void weightsNotSummingToOneAreRejected() {
        CatalogueException error = assertThrows(CatalogueException.class, () ->
                Fixtures.seedCatalogueWith(I, "edu-2019,K1,1.2,i1_2,2,0.3,", "edu-2019,K1,1.2,i1_2,2,0.2,"));
        assertEquals(1, error.problems().size(), error.getMessage());
        assertTrue(error.getMessage().contains("K1 sum to 0.9, not 1"), error.getMessage());
    }

    @Test
    void weightsAboveOneInTotalAreRejected() {
        CatalogueException error = assertThrows(CatalogueException.class, () ->
                Fixtures.seedCatalogueWith(I, "edu-2019,K5,5.3,i5_3,3,0.5,", "edu-2019,K5,5.3,i5_3,3,0.51,"));
        assertTrue(error.getMessage().contains("K5 sum to 1.01, not 1"), error.getMessage());
    }

    @Test
    void theSameShippedFilesLoadWithoutTheMutation() {
        MethodologyCatalogue catalogue = Fixtures.catalogue(Fixtures.seedText(M), Fixtures.seedText(C),
                Fixtures.seedText(I));
        assertEquals(Fixtures.EDU, catalogue.defaultMethodology());
    }

    @Test
    void aByteOrderMarkIsTolerated() {
        MethodologyCatalogue catalogue = Fixtures.catalogue("\uFEFF" + Fixtures.seedText(M),
                "\uFEFF" + Fixtures.seedText(C), "\uFEFF" + Fixtures.seedText(I));
        assertEquals(14, catalogue.defaultMethodology().indicators().size());
    }

    static Stream<Arguments> brokenCatalogues() {
        return Stream.of(
                Arguments.of(I, ",ratio,satisfied_comfort,", ",sqrt,satisfied_comfort,", "formula 'sqrt' is not one of"),
                Arguments.of(I, "Share of service recipients satisfied with the comfort of the conditions in which educational activities are carried out,respondents",
                        "Share of service recipients satisfied with the comfort of the conditions in which educational activities are carried out,respondents|respondents",
                        "fallback_denominators must be empty or list one name per numerator"),
                Arguments.of(I, "satisfied_stand|satisfied_site,used_stand|used_site",
                        "satisfied_stand|satisfied_site,used_stand", "numerators and denominators must list the same"),
                Arguments.of(I, "used_stand|used_site,respondents|respondents", "used_stand|used_site,respondents",
                        "all_respondents_denominators must be empty or list one name per numerator"),
                Arguments.of(I, "satisfied_comfort,answered_comfort", "Satisfied Comfort,answered_comfort",
                        "lower snake case"),
                Arguments.of(I, "used_stand|used_site,", "used_stand|,", "lower snake case"),
                Arguments.of(I, "edu-2019,K2,2.3,", "edu-2019,K7,2.3,", "refers to unknown criterion edu-2019/K7"),
                Arguments.of(I, "edu-2019,K4,4.2,i4_2,", "edu-2019,K4,4.1,i4_2,", "indicator code '4.1' is used twice"),
                Arguments.of(I, "edu-2019,K4,4.2,i4_2,2,", "edu-2019,K4,4.2,i4_2,1,", "indicator position in K4 '1'"),
                Arguments.of(I, "edu-2019,K4,4.2,i4_2,", "edu-2019,K4,4.2,i4_1,", "field 'i4_1' is used twice"),
                Arguments.of(I, ",0.4,survey,ratio,satisfied_service_staff", ",0.4,poll,ratio,satisfied_service_staff",
                        "source 'poll' is not one of"),
                Arguments.of(I, ",0.4,survey,ratio,satisfied_service_staff", ",abc,survey,ratio,satisfied_service_staff",
                        "weight 'abc' is not a decimal number"),
                Arguments.of(I, ",0.4,survey,ratio,satisfied_service_staff", ",0,survey,ratio,satisfied_service_staff",
                        "weight 0 is not in (0, 1]"),
                Arguments.of(I, "capped_count,remote_channels,,,30,6", "capped_count,remote_channels,,,,6",
                        "capped_count needs points_per_item"),
                Arguments.of(I, "capped_count,remote_channels,,,30,6", "capped_count,remote_channels,x,,30,6",
                        "capped_count takes its count in numerators"),
                Arguments.of(I, "capped_count,remote_channels,,,30,6", "capped_count,remote_channels,,,30,six",
                        "max_items 'six' is not an integer"),
                Arguments.of(I, "ratio,satisfied_comfort,answered_comfort,,,", "ratio,satisfied_comfort,answered_comfort,,20,",
                        "ratio takes no points_per_item"),
                Arguments.of(M, ",2019,per_question,exclude,", ",2019,per_person,exclude,",
                        "default_variant 'per_person' is not one of"),
                Arguments.of(M, ",2019,per_question,exclude,", ",2019,per_question,skip,",
                        "default_zero_rule 'skip' is not one of"),
                Arguments.of(M, ",2019,per_question,exclude,", ",MMXIX,per_question,exclude,",
                        "valid_from_year 'MMXIX' is not an integer"),
                Arguments.of(C, "edu-2019,K3,k3,3,", "edu-2019,K3,k3,2,", "criterion position '2' is used twice"),
                Arguments.of(C, "edu-2019,K5,", "edu-2018,K5,", "criterion K5 refers to unknown methodology edu-2018"),
                Arguments.of(C, "methodology,code,field", "methodology,kode,field", "criteria.csv: missing column(s) code"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("brokenCatalogues")
    void brokenFilesAreRejectedWithAClearProblem(String file, String target, String replacement, String expected) {
        CatalogueException error = assertThrows(CatalogueException.class,
                () -> Fixtures.seedCatalogueWith(file, target, replacement));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    @Test
    void aCriterionWithoutIndicatorsIsRejected() {
        String indicators = Fixtures.seedText(I).lines()
                .filter(line -> !line.startsWith("edu-2019,K2,"))
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        CatalogueException error = assertThrows(CatalogueException.class, () ->
                Fixtures.catalogue(Fixtures.seedText(M), Fixtures.seedText(C), indicators));
        assertTrue(error.getMessage().contains("criterion edu-2019/K2 has no indicators"), error.getMessage());
    }

    @Test
    void anEmptyMethodologiesFileIsRejected() {
        CatalogueException error = assertThrows(CatalogueException.class, () ->
                Fixtures.catalogue(String.join(",", CatalogueReader.METHODOLOGY_COLUMNS) + "\n",
                        Fixtures.seedText(C), Fixtures.seedText(I)));
        assertTrue(error.getMessage().contains("no methodologies"), error.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String indicators = Fixtures.seedText(I)
                .replace("edu-2019,K1,1.2,i1_2,2,0.3,", "edu-2019,K1,1.2,i1_2,2,0.35,")
                .replace(",ratio,satisfied_overall,", ",median,satisfied_overall,");
        String methodologies = Fixtures.seedText(M).replace(",per_question,exclude,", ",per_question,never,");
        CatalogueException error = assertThrows(CatalogueException.class, () ->
                Fixtures.catalogue(methodologies, Fixtures.seedText(C), indicators));
        assertTrue(error.problems().stream().anyMatch(p -> p.contains("K1 sum to 1.05")), error.getMessage());
        assertTrue(error.problems().stream().anyMatch(p -> p.contains("formula 'median'")), error.getMessage());
        assertTrue(error.problems().stream().anyMatch(p -> p.contains("default_zero_rule 'never'")),
                error.getMessage());
    }

    @Test
    void malformedCsvIsReportedAsACatalogueProblem() {
        String indicators = Fixtures.seedText(I) + "edu-2019,K1,\"unterminated\n";
        CatalogueException error = assertThrows(CatalogueException.class, () ->
                Fixtures.catalogue(Fixtures.seedText(M), Fixtures.seedText(C), indicators));
        assertTrue(error.getMessage().contains("indicators.csv"), error.getMessage());
    }
}
