package ru.noko.platform.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import ru.noko.platform.csv.CsvDialect;

import java.util.Locale;

/**
 * The representation a client asked for: {@code ?format=csv|json} wins, otherwise the
 * {@code Accept} header (CSV when {@code text/csv} is listed with a quality no lower than
 * {@code application/json}'s); {@code ?dialect=excel} picks the Excel flavour of CSV.
 */
public enum Representation {
    JSON("json"),
    CSV("csv"),
    CSV_EXCEL("csv-excel");

    private final String label;

    Representation(String label) {
        this.label = label;
    }

    /** Short name used in ETags and cache keys. */
    public String label() {
        return label;
    }

    public boolean isCsv() {
        return this != JSON;
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
            csv = format.equalsIgnoreCase("csv");
        } else {
            csv = prefersCsv(request.getHeaders().get(HttpHeaders.ACCEPT));
        }
        if (!csv) {
            return JSON;
        }
        return "excel".equals(request.getParameters().get("dialect")) ? CSV_EXCEL : CSV;
    }

    static boolean prefersCsv(String accept) {
        if (accept == null || accept.isEmpty()) {
            return false;
        }
        double csv = -1;
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
            if (type.equals("text/csv")) {
                csv = Math.max(csv, quality);
            } else if (type.equals("application/json")) {
                json = Math.max(json, quality);
            }
        }
        return csv > 0 && csv >= json;
    }
}
