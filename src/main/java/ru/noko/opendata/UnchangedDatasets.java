package ru.noko.opendata;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Makes, when a release is made, the files of the versions it makes, and decides which national
 * datasets it gives a new version: only those whose file would change. Each dataset the release is
 * the newest version of is rendered once; a national file whose SHA-256 equals the previous
 * version's (its current edition) is dropped and the release recorded as leaving the dataset
 * unchanged, so a byte-identical file (the methodology on every publish, the results after a change
 * of organization links only) is never published twice. Every other file is stored with the
 * release. Region datasets follow their region's campaigns ({@link ReleaseRepository#forRegion}).
 * Runs in the release's transaction: a version exists if and only if its files do.
 */
@Singleton
class UnchangedDatasets {

    private static final Logger LOG = LoggerFactory.getLogger(UnchangedDatasets.class);

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

    void decide(Release release) {
        StringBuilder made = new StringBuilder();
        for (Dataset dataset : catalog.all()) {
            long start = System.nanoTime();
            List<Edition> versions = editions.current(dataset);
            if (versions.isEmpty() || versions.get(versions.size() - 1).release().id() != release.id()) {
                continue;
            }
            Edition edition = versions.get(versions.size() - 1);
            try (FileStore.Rendered wouldBe = files.render(dataset, edition)) {
                if (dataset.regionCode() == null && versions.size() >= 2 && wouldBe.fingerprint().sha256()
                        .equals(files.fingerprint(dataset, versions.get(versions.size() - 2)).sha256())) {
                    releases.unchanged(release, dataset.code());
                } else {
                    files.keep(dataset, edition, wouldBe);
                }
                made.append(made.isEmpty() ? "" : ", ").append(dataset.code()).append(' ')
                        .append(wouldBe.fingerprint().bytes() / 1024).append(" KB ")
                        .append((System.nanoTime() - start) / 1_000_000).append(" ms");
            }
        }
        LOG.info("Open-data files of version {}: {}", release.version(), made);
    }
}
