package ru.noko.explorer.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Head links of a page: its JSON and CSV twins in the API and the Atom feed to follow it. */
final class Links {

    static final String JSON = "application/json";
    static final String CSV = "text/csv";
    static final String ATOM = "application/atom+xml";

    private Links() {
    }

    static List<Views.Link> twins(String apiPath, String feed, String feedTitle) {
        List<Views.Link> links = new ArrayList<>();
        if (apiPath != null) {
            links.add(new Views.Link("alternate", JSON, apiPath, "JSON"));
            links.add(new Views.Link("alternate", CSV, apiPath + (apiPath.contains("?") ? "&" : "?") + "format=csv", "CSV"));
        }
        links.add(new Views.Link("alternate", ATOM, feed, feedTitle));
        return links;
    }

    static Views.Link crumb(String text, String href) {
        return new Views.Link(null, null, href, text);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A JSON string literal safe inside a script element: no {@code <}, {@code >} or {@code &} as such. */
    static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
