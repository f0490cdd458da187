package ru.noko.opendata;

import jakarta.inject.Singleton;
import ru.noko.catalog.Region;
import ru.noko.catalog.RegionRepository;
import ru.noko.methodology.MethodologyCatalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The datasets the service publishes: four for the whole country and one results set per region. */
@Singleton
public class DatasetCatalog {

    private static final String REGION_PREFIX = "noko-results-";

    private final OpenDataSettings settings;
    private final ReleaseRepository releases;
    private final RegionRepository regions;
    private final List<Structure> resultStructures;

    public DatasetCatalog(OpenDataSettings settings, ReleaseRepository releases, RegionRepository regions,
                          MethodologyCatalogue catalogue) {
        this.settings = settings;
        this.releases = releases;
        this.regions = regions;
        this.resultStructures = ResultsDataset.structures(catalogue.defaultMethodology());
    }

    public List<Dataset> all() {
        List<Dataset> datasets = new ArrayList<>(List.of(allResults(), new IndicatorsDataset(),
                new OrganizationsDataset(), new MethodologyDataset()));
        for (String region : releases.regionsEverPublished()) {
            regions.findByCode(region).map(this::regionResults).ifPresent(datasets::add);
        }
        return datasets;
    }

    public Optional<Dataset> byIdentifier(String identifier) {
        String prefix = settings.publisherInn() + "-";
        if (!identifier.startsWith(prefix)) {
            return Optional.empty();
        }
        String code = identifier.substring(prefix.length());
        if (code.startsWith(REGION_PREFIX)) {
            String region = code.substring(REGION_PREFIX.length());
            return releases.regionsEverPublished().contains(region)
                    ? regions.findByCode(region).map(this::regionResults) : Optional.empty();
        }
        return all().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public String identifier(Dataset dataset) {
        return settings.publisherInn() + "-" + dataset.code();
    }

    /**
     * Versions of a dataset: the releases that changed its file (see {@link UnchangedDatasets}), or
     * for a region's set the releases that changed the region.
     */
    public List<Release> versions(Dataset dataset) {
        return dataset.regionCode() == null ? releases.versionsOf(dataset.code()) : releases.forRegion(dataset.regionCode());
    }

    private Dataset allResults() {
        return new ResultsDataset("noko-results",
                "Результаты независимой оценки качества условий образовательной деятельности (все регионы, все годы)",
                "Итоги НОКО по каждой организации и каждой опубликованной кампании оценки: баллы по пяти критериям, "
                        + "итоговый балл (без округления), места в регионе, среди организаций того же типа и в муниципалитете.",
                null, resultStructures);
    }

    private Dataset regionResults(Region region) {
        String demo = region.demo() ? " Демонстрационные данные вымышленного региона." : "";
        return new ResultsDataset(REGION_PREFIX + region.code(),
                "Результаты независимой оценки качества условий образовательной деятельности: " + region.name(),
                "Итоги НОКО организаций региона «" + region.name() + "» по всем опубликованным кампаниям оценки: "
                        + "баллы по пяти критериям, итоговый балл, места." + demo,
                region.code(), resultStructures);
    }
}
