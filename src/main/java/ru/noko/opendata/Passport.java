package ru.noko.opendata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The passport of a dataset (open data standard 3.0): the fifteen properties, then one row per
 * data version (newest first) and one per structure version. URLs are absolute.
 */
public record Passport(String identifier, String title, String description, String creator, String created,
                       String modified, String subject, String provenance, String valid, String publisherName,
                       String publisherPhone, String publisherMbox, String license, List<DataVersion> data,
                       List<StructureVersion> structures) {

    public static final String STANDARD_VERSION = "http://opendata.gosmonitor.ru/standard/3.0";

    public record DataVersion(String name, String source, String created, String provenance, String valid, String structure) {
    }

    public record StructureVersion(String name, String source, String created) {
    }

    /** meta.csv rows, property → value, in the standard's order. */
    public List<Map.Entry<String, String>> rows() {
        List<Map.Entry<String, String>> rows = new ArrayList<>(List.of(
                Map.entry("standardversion", STANDARD_VERSION),
                Map.entry("identifier", identifier),
                Map.entry("title", title),
                Map.entry("description", description),
                Map.entry("creator", creator),
                Map.entry("created", created),
                Map.entry("modified", modified),
                Map.entry("subject", subject),
                Map.entry("format", "csv"),
                Map.entry("provenance", provenance),
                Map.entry("valid", valid),
                Map.entry("publishername", publisherName),
                Map.entry("publisherphone", publisherPhone),
                Map.entry("publishermbox", publisherMbox)));
        data.forEach(d -> rows.add(Map.entry(d.name(), d.source())));
        structures.forEach(s -> rows.add(Map.entry(s.name(), s.source())));
        return rows;
    }
}
