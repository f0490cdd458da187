package ru.noko.methodology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scale is part of a methodology record: the 2014 scheme (order № 1547) on its own points
 * scale (40/70/20/30, total the sum, up to 160) and in percent (0..100, total the mean), four
 * criteria on k1, k2, k4, k5 and no K3; the years each methodology may be recorded for.
 */
class MethodologyScalesTest {

    private final MethodologyCatalogue catalogue = MethodologyCatalogue.fromClasspath();

    @Test
    void the2014PointsScaleHasFourCriteriaUpTo160() {
        Methodology points = catalogue.find("edu-2014").orElseThrow();
        assertEquals(Scale.POINTS, points.scale());
        assertEquals(TotalRule.SUM, points.totalRule());
        assertEquals(List.of("k1", "k2", "k4", "k5"), points.criteria().stream().map(Criterion::field).toList());
        assertEquals(List.of(40.0, 70.0, 20.0, 30.0), points.criteria().stream().map(Criterion::maxScore).toList());
        assertEquals(160.0, points.maxTotal(), 0.0);
        assertTrue(points.criterionOfField("k3").isEmpty(), "accessibility for the disabled did not exist");
        assertFalse(points.computable(), "no formulas: results-level only");
        assertTrue(points.indicators().isEmpty());
        assertEquals(141.2, points.total(35.5, 60.2, 18.0, 27.5), 1e-9, "the total is the sum");
        assertTrue(points.legalBasis().contains("№ 256-ФЗ") && points.legalBasis().contains("№ 1547"), points.legalBasis());
        assertTrue(points.criteria().stream().allMatch(c -> c.busGovField() == null));
    }

    @Test
    void the2014PercentScaleAveragesItsFourCriteria() {
        Methodology percent = catalogue.find("edu-2014-percent").orElseThrow();
        assertEquals(Scale.PERCENT, percent.scale());
        assertEquals(TotalRule.MEAN, percent.totalRule());
        assertEquals(100.0, percent.maxTotal(), 0.0);
        assertEquals(80.0, percent.total(70, 80, 90, 80), 1e-9);
        assertEquals(List.of("Открытость и доступность информации об организации",
                        "Комфортность условий, в которых осуществляется образовательная деятельность",
                        "Доброжелательность, вежливость, компетентность работников",
                        "Удовлетворенность качеством образовательной деятельности организаций"),
                percent.criteria().stream().map(Criterion::nameRu).toList());
    }

    @Test
    void yearsDecideWhichMethodologyFitsAndWhichIsChosen() {
        Methodology edu2019 = catalogue.find("edu-2019").orElseThrow();
        Methodology edu2014 = catalogue.find("edu-2014").orElseThrow();
        assertFalse(edu2019.fits(2016));
        assertTrue(edu2019.fits(2018), "2018 shares the formulas of order № 344н and may be recorded explicitly");
        assertTrue(edu2019.fits(2030));
        assertNull(edu2019.lastYear());
        assertTrue(edu2014.fits(2014) && edu2014.fits(2018));
        assertFalse(edu2014.fits(2019));
        assertEquals("edu-2014", catalogue.forYear(2016).orElseThrow().code());
        assertEquals("edu-2014", catalogue.forYear(2018).orElseThrow().code());
        assertEquals("edu-2019", catalogue.forYear(2019).orElseThrow().code());
        assertTrue(catalogue.forYear(2013).isEmpty());
        assertEquals("edu-2019", catalogue.defaultMethodology().code());
    }

    @Test
    void anUnknownScaleOrTotalRuleIsRejected() {
        CatalogueException scale = assertThrows(CatalogueException.class, () -> Fixtures.seedCatalogueWith(
                CatalogueReader.METHODOLOGIES_FILE, "points,sum,2014,2018", "stars,sum,2014,2018"));
        assertTrue(scale.getMessage().contains("scale 'stars' is not one of [percent, points]"), scale.getMessage());
        CatalogueException rule = assertThrows(CatalogueException.class, () -> Fixtures.seedCatalogueWith(
                CatalogueReader.METHODOLOGIES_FILE, "points,sum,2014,2018", "points,median,2014,2018"));
        assertTrue(rule.getMessage().contains("total_rule 'median' is not one of [mean, sum]"), rule.getMessage());
    }

    @Test
    void aPercentScaleTakesNoOtherMaximumAndMaximaArePositive() {
        CatalogueException percent = assertThrows(CatalogueException.class, () -> Fixtures.seedCatalogueWith(
                CatalogueReader.CRITERIA_FILE, "Удовлетворенность качеством образовательной деятельности организаций,"
                        + "Satisfaction with the quality of educational activities,,\n", "Удовлетворенность качеством"
                        + " образовательной деятельности организаций,Satisfaction with the quality of educational activities,,30\n"));
        assertTrue(percent.getMessage().contains("a percent scale has criteria of 0..100"), percent.getMessage());
        CatalogueException negative = assertThrows(CatalogueException.class, () -> Fixtures.seedCatalogueWith(
                CatalogueReader.CRITERIA_FILE, ",,40\n", ",,-40\n"));
        assertTrue(negative.getMessage().contains("max_score -40 is not positive"), negative.getMessage());
    }

    @Test
    void lastYearBeforeTheYearInForceIsRejected() {
        CatalogueException error = assertThrows(CatalogueException.class, () -> Fixtures.seedCatalogueWith(
                CatalogueReader.METHODOLOGIES_FILE, "points,sum,2014,2018", "points,sum,2014,2012"));
        assertTrue(error.getMessage().contains("last year 2012 is before"), error.getMessage());
    }

    @Test
    void catalogueFilesWithoutTheNewColumnsStillReadAsPercentAndMean() {
        String methodologies = "code,title,legal_basis,valid_from_year,default_variant,default_zero_rule,description\n"
                + "old,Старая,,2014,per_question,exclude,\n";
        String criteria = "methodology,code,field,position,name_ru,name_en,bus_gov_field\n"
                + "old,K1,k1,1,Открытость,Openness,\n";
        String indicators = Fixtures.seedText(CatalogueReader.INDICATORS_FILE).lines().findFirst().orElseThrow() + "\n";
        Methodology old = Fixtures.catalogue(methodologies, criteria, indicators).find("old").orElseThrow();
        assertEquals(Scale.PERCENT, old.scale());
        assertEquals(TotalRule.MEAN, old.totalRule());
        assertEquals(2014, old.firstYear());
        assertFalse(old.computable());
    }
}
