package ru.noko.opendata;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Builds passports, structure files and Frictionless descriptors of datasets. */
@Singleton
public class Passports {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private final DatasetCatalog catalog;
    private final Editions editions;
    private final OpenDataSettings settings;
    private final PublicUrls urls;

    Passports(DatasetCatalog catalog, Editions editions, OpenDataSettings settings, PublicUrls urls) {
        this.catalog = catalog;
        this.editions = editions;
        this.settings = settings;
        this.urls = urls;
    }

    public static String dataFileName(Edition edition, Dataset dataset) {
        return "data-" + edition.version() + "-structure-" + dataset.structureOf(edition.release()).version() + ".csv";
    }

    public static String structureFileName(Structure structure) {
        return "structure-" + structure.version() + ".csv";
    }

    public Passport passport(Dataset dataset) {
        String identifier = catalog.identifier(dataset);
        String folder = urls.folder(identifier);
        List<Edition> versions = editions.current(dataset);
        List<Passport.DataVersion> data = new ArrayList<>();
        for (int i = versions.size() - 1; i >= 0; i--) {
            Edition edition = versions.get(i);
            String name = dataFileName(edition, dataset);
            data.add(new Passport.DataVersion(name.substring(0, name.length() - ".csv".length()), folder + name,
                    edition.release().date(), edition.provenance(), valid(edition.release()),
                    dataset.structureOf(edition.release()).version()));
        }
        // the structures of the data versions, and the current one that the next version will have
        List<Passport.StructureVersion> structures = new ArrayList<>();
        for (Structure structure : dataset.structures()) {
            boolean used = structure.equals(dataset.structure())
                    || versions.stream().anyMatch(e -> dataset.structureOf(e.release()).equals(structure));
            if (used) {
                structures.add(new Passport.StructureVersion("structure-" + structure.version(),
                        folder + structureFileName(structure), structure.version()));
            }
        }
        Release first = versions.isEmpty() ? null : versions.get(0).release();
        Edition last = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        return new Passport(identifier, dataset.title(), dataset.description(), settings.creator(),
                first == null ? dataset.structure().version() : first.date(),
                last == null ? dataset.structure().version() : modified(versions), dataset.subject(),
                last == null ? "Набор ещё не публиковался" : last.provenance(),
                last == null ? dataset.structure().version() : valid(last.release()), settings.publisherName(),
                settings.publisherPhone(), settings.publisherMbox(), settings.license(), data, structures);
    }

    /** The latest version (or re-issue after a takedown) of the dataset, or empty if it has none yet. */
    public Optional<Edition> latest(Dataset dataset) {
        List<Edition> versions = editions.current(dataset);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** When the dataset's files last changed: its newest version or takedown re-issue. */
    public Optional<Instant> lastChanged(Dataset dataset) {
        return editions.current(dataset).stream().map(e -> e.madeAt().toInstant()).max(Instant::compareTo);
    }

    /** Structure file rows: field name, english description, russian description, format. */
    public static List<List<String>> structure(Structure structure) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("field name", "english description", "russian description", "format"));
        structure.columns().forEach(c -> rows.add(List.of(c.name(), c.english(), c.russian(), c.type().structureFormat())));
        return rows;
    }

    /** A Frictionless Data Package: one tabular resource per data version, each with the Table Schema of its structure. */
    public Map<String, Object> dataPackage(Dataset dataset) {
        Passport passport = passport(dataset);
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Passport.DataVersion version : passport.data()) {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("fields", dataset.structure(version.structure()).orElseThrow().columns().stream()
                    .map(Passports::field).toList());
            schema.put("primaryKey", dataset.primaryKey());
            schema.put("missingValues", List.of(""));
            Map<String, Object> resource = new LinkedHashMap<>();
            // the data package name pattern is ^([-a-z0-9._/])+$: the file names keep their capital T
            resource.put("name", version.name().toLowerCase(Locale.ROOT));
            resource.put("path", version.source());
            resource.put("profile", "tabular-data-resource");
            resource.put("format", "csv");
            resource.put("mediatype", "text/csv");
            resource.put("encoding", "utf-8");
            resource.put("dialect", Map.of("delimiter", ",", "lineTerminator", "\r\n", "quoteChar", "\"",
                    "doubleQuote", true, "header", true));
            resource.put("schema", schema);
            resources.add(resource);
        }
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("profile", "tabular-data-package");
        descriptor.put("name", passport.identifier());
        descriptor.put("id", passport.identifier());
        descriptor.put("title", passport.title());
        descriptor.put("description", passport.description());
        descriptor.put("version", passport.data().isEmpty() ? dataset.structure().version() : passport.data().get(0).name());
        // a datetime (RFC 3339), where the passport has the standard's YYYYMMDD: the first publication
        editions.current(dataset).stream().findFirst().ifPresent(first ->
                descriptor.put("created", ISO_SECONDS.format(first.release().createdAt().withOffsetSameInstant(ZoneOffset.UTC))));
        descriptor.put("licenses", List.of(Map.of("name", "CC-BY-4.0", "path", passport.license(),
                "title", "Creative Commons Attribution 4.0")));
        descriptor.put("sources", List.of(Map.of("title", passport.creator())));
        descriptor.put("resources", resources);
        return descriptor;
    }

    private static Map<String, Object> field(DatasetColumn column) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("name", column.name());
        field.put("type", column.type().tableSchemaType());
        field.put("title", column.russian());
        field.put("description", column.english());
        Map<String, Object> constraints = new LinkedHashMap<>();
        if (column.required()) {
            constraints.put("required", true);
        }
        constraints.putAll(column.constraints());
        if (!constraints.isEmpty()) {
            field.put("constraints", constraints);
        }
        return field;
    }

    /** The newest release's date, or a later takedown's that re-issued some version. */
    private static String modified(List<Edition> versions) {
        String modified = versions.get(versions.size() - 1).release().date();
        for (Edition edition : versions) {
            for (CampaignTakedown takedown : edition.takedowns()) {
                String date = BASIC.format(takedown.at().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
                modified = date.compareTo(modified) > 0 ? date : modified;
            }
        }
        return modified;
    }

    /** The date the version is current until: a year after it was published, unless replaced sooner. */
    private static String valid(Release release) {
        return LocalDate.parse(release.date(), BASIC).plusYears(1).format(BASIC);
    }
}
