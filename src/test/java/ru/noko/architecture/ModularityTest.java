package ru.noko.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The house rules of the code (README, "Layout"), checked on the compiled classes so that a change
 * that breaks one fails the build: features in floors with arrows pointing down, no cycles, a pure
 * methodology, a platform that knows no feature, generated API types only in web adapters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModularityTest {

    private JavaClasses service;

    @BeforeAll
    void importService() {
        service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/ru/noko/api/"))
                .importPackages("ru.noko");
    }

    @Test
    void featurePackagesFormNoCycle() {
        HouseRules.noCyclesBetween("ru.noko.(*)..").check(service);
    }

    @Test
    void floorsOnlyUseTheFloorsBelowThem() {
        HouseRules.floors().check(service);
    }

    @Test
    void methodologyUsesNothingButTheJdkAndItsCsvReader() {
        HouseRules.pureMethodology().check(service);
    }

    @Test
    void platformKnowsNoFeature() {
        HouseRules.platformKnowsNoFeature().check(service);
    }

    @Test
    void generatedApiTypesAppearOnlyInWebAdapters() {
        HouseRules.generatedApiOnlyInWebAdapters().check(service);
    }

    @Test
    void theCycleRuleFindsACycleWhereThereIsOne() {
        JavaClasses cyclic = new ClassFileImporter().importPackages("ru.noko.architecture.fixture");
        ArchRule rule = HouseRules.noCyclesBetween("ru.noko.architecture.fixture.(*)..");
        assertFalse(rule.evaluate(cyclic).getFailureReport().isEmpty(),
                "two packages that use each other must be reported as a cycle");
    }

    /** The rules themselves, so the self-check above tests the very rule the build applies. */
    static final class HouseRules {

        private static final String[] FEATURES = {"ru.noko.methodology..", "ru.noko.catalog..", "ru.noko.campaigns..",
                "ru.noko.ratings..", "ru.noko.widgets..", "ru.noko.opendata..", "ru.noko.busgov..", "ru.noko.explorer..",
                "ru.noko.feeds..", "ru.noko.console.."};

        private HouseRules() {
        }

        static ArchRule noCyclesBetween(String slicePattern) {
            return slices().matching(slicePattern).should().beFreeOfCycles();
        }

        static ArchRule floors() {
            return Architectures.layeredArchitecture()
                    .consideringOnlyDependenciesInLayers()
                    .layer("readers and exporters").definedBy("ru.noko.widgets..", "ru.noko.opendata..", "ru.noko.busgov..",
                            "ru.noko.explorer..", "ru.noko.feeds..", "ru.noko.console..")
                    .layer("ratings").definedBy("ru.noko.ratings..")
                    .layer("campaigns").definedBy("ru.noko.campaigns..")
                    .layer("catalog").definedBy("ru.noko.catalog..")
                    .layer("methodology").definedBy("ru.noko.methodology..")
                    .layer("platform").definedBy("ru.noko.platform..")
                    .whereLayer("readers and exporters").mayNotBeAccessedByAnyLayer()
                    .whereLayer("ratings").mayOnlyBeAccessedByLayers("readers and exporters")
                    .whereLayer("campaigns").mayOnlyBeAccessedByLayers("ratings", "readers and exporters")
                    .whereLayer("catalog").mayOnlyBeAccessedByLayers("campaigns", "ratings", "readers and exporters")
                    .whereLayer("methodology")
                    .mayOnlyBeAccessedByLayers("catalog", "campaigns", "ratings", "readers and exporters");
        }

        static ArchRule pureMethodology() {
            return classes().that().resideInAPackage("ru.noko.methodology..")
                    .should().onlyDependOnClassesThat()
                    .resideInAnyPackage("java..", "ru.noko.methodology..", "org.apache.commons.csv..");
        }

        static ArchRule platformKnowsNoFeature() {
            return noClasses().that().resideInAPackage("ru.noko.platform..")
                    .should().dependOnClassesThat().resideInAnyPackage(FEATURES);
        }

        static ArchRule generatedApiOnlyInWebAdapters() {
            return noClasses().that().resideOutsideOfPackages("ru.noko.api..", "ru.noko..web..")
                    .should().dependOnClassesThat().resideInAPackage("ru.noko.api..");
        }
    }
}
