package ru.noko.platform.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import ru.noko.platform.csv.CsvDialect;

import java.util.Locale;

/**
 * The representation a client asked for: {@code ?format=csv|xlsx|json} wins, otherwise the
 * {@code Accept} header (CSV or XLSX when listed with a quality no lower than
 * {@code application/json}'s); {@code ?dialect=excel} picks the Excel flavour of CSV.
 */
public enum Representation {
    JSON("json"),
    CSV("csv"),
    CSV_EXCEL("csv-excel"),
    XLSX("xlsx");

    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final String label;

    Representation(String label) {
        this.label = label;
    }

    /** Short name used in ETags and cache keys. */
    public String label() {
        return label;
    }

    /** CSV or XLSX: the whole list as a table, not a page of JSON. */
    public boolean isTable() {
        return this != JSON;
    }

    public boolean isCsv() {
        return this == CSV || this == CSV_EXCEL;
    }

    public CsvDialect dialect() {
        return this == CSV_EXCEL ? CsvDialect.EXCEL : CsvDialect.RFC4180;
    }

    /** The representation asked for by the request being served on this thread. */
    public static Representation current() {
        return ServerRequestContext.currentRequest().map(Representation::of).orElse(JSON);
    }

    public static Representation of(HttpRequest<?> request) {
        String format = request.getParameters().get("format");
        boolean csv;
        if (format != null && !format.isEmpty()) {
            if (format.equalsIgnoreCase("xlsx")) {
                return XLSX;
            }
            csv = format.equalsIgnoreCase("csv");
        } else {
            String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
            if (prefers(accept, XLSX_TYPE)) {
                return XLSX;
            }
            csv = prefersCsv(accept);
        }
        if (!csv) {
            return JSON;
        }
        return "excel".equals(request.getParameters().get("dialect")) ? CSV_EXCEL : CSV;
    }

    static boolean prefersCsv(String accept) {
        return prefers(accept, "text/csv");
    }

    /** Whether {@code accept} lists {@code table} with a quality above zero and no lower than JSON's or CSV's. */
    static boolean prefers(String accept, String table) {
        if (accept == null || accept.isEmpty()) {
            return false;
        }
        double csv = -1;
        double json = -1;
        double other = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            if (type.equals(table)) {
                csv = Math.max(csv, quality);
            } else if (type.equals("application/json")) {
                json = Math.max(json, quality);
            } else if (type.equals("text/csv") || type.equals(XLSX_TYPE)) {
                other = Math.max(other, quality);
            }
        }
        return csv > 0 && csv >= json && (table.equals("text/csv") || csv > other);
    }
}
