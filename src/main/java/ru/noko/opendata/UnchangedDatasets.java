package ru.noko.opendata;

import jakarta.inject.Singleton;

import java.util.List;

/**
 * Decides, when a release is made, which national datasets it gives a new version: only those whose
 * file would change. The would-be file's SHA-256 is compared with the previous version's (its current
 * edition), so a byte-identical file (the methodology on every publish, the results after a change of
 * organization links only) is never published twice. Region datasets follow their region's campaigns
 * ({@link ReleaseRepository#forRegion}). Runs in the release's transaction; the checksums it computes
 * are the ones the files are served with.
 */
@Singleton
class UnchangedDatasets {

    private final DatasetCatalog catalog;
    private final Editions editions;
    private final DatasetFiles files;
    private final ReleaseRepository releases;

    UnchangedDatasets(DatasetCatalog catalog, Editions editions, DatasetFiles files, ReleaseRepository releases) {
        this.catalog = catalog;
        this.editions = editions;
        this.files = files;
        this.releases = releases;
    }

    void decide(Release made) {
        for (Dataset dataset : catalog.all()) {
            if (dataset.regionCode() != null) {
                continue;
            }
            List<Edition> versions = editions.current(dataset);
            if (versions.size() < 2 || versions.get(versions.size() - 1).release().id() != made.id()) {
                continue;
            }
            String wouldBe = files.fingerprint(dataset, versions.get(versions.size() - 1)).sha256();
            String previous = files.fingerprint(dataset, versions.get(versions.size() - 2)).sha256();
            if (wouldBe.equals(previous)) {
                releases.unchanged(made, dataset.code());
            }
        }
    }
}
