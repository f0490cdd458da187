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
        Representation asked;
        if (format != null && !format.isEmpty()) {
            asked = format.equalsIgnoreCase("xlsx") ? XLSX : format.equalsIgnoreCase("csv") ? CSV : JSON;
        } else {
            asked = fromAccept(request.getHeaders().get(HttpHeaders.ACCEPT));
        }
        if (asked == CSV && "excel".equals(request.getParameters().get("dialect"))) {
            return CSV_EXCEL;
        }
        return asked;
    }

    static boolean prefersCsv(String accept) {
        return fromAccept(accept) == CSV;
    }

    /**
     * JSON unless {@code accept} lists CSV or XLSX with a quality above zero and no lower than
     * JSON's (CSV wins a tie with XLSX). Runs on every public request (cache keys): a header that
     * names neither table type is not parsed at all.
     */
    static Representation fromAccept(String accept) {
        if (accept == null || !(accept.contains("csv") || accept.contains("spreadsheetml"))) {
            return JSON;
        }
        double csv = -1;
        double xlsx = -1;
        double json = -1;
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
            switch (type) {
                case "text/csv" -> csv = Math.max(csv, quality);
                case XLSX_TYPE -> xlsx = Math.max(xlsx, quality);
                case "application/json" -> json = Math.max(json, quality);
                default -> {
                    // other types do not compete
                }
            }
        }
        if (csv > 0 && csv >= json && csv >= xlsx) {
            return CSV;
        }
        return xlsx > 0 && xlsx >= json ? XLSX : JSON;
    }
}
