package ru.noko.explorer.web;

import java.util.List;

/** What the templates show, already formatted; public because the generated templates read it. */
public final class Views {

    private Views() {
    }

    /** The frame of every page: head metadata, breadcrumbs and a notice (demo data, retraction). */
    public record Layout(String title, String description, String canonical, List<Link> alternates, String jsonLd,
                         List<Link> crumbs, List<String> notices) {
    }

    /** A link: {@code rel} and {@code type} for the head, {@code text} for the body. */
    public record Link(String rel, String type, String href, String text) {
    }

    /** A table cell or a row's value that may link somewhere. */
    public record Cell(String text, String href) {
        static Cell of(String text) {
            return new Cell(text, null);
        }
    }

    public record Row(List<Cell> cells, boolean marked) {
    }

    public record Table(String caption, List<String> headers, List<Row> rows) {
    }

    public record Home(Layout layout, String query, List<Row> found, boolean searched, boolean similar, List<Link> regions,
                       List<Row> publications) {
    }

    public record Regions(Layout layout, Table regions) {
    }

    public record Region(Layout layout, String name, Table campaigns, Chart distribution, Chart criteria,
                         Table extremes, Table municipalities, List<Link> ratings) {
    }

    public record Ratings(Layout layout, String heading, String dated, Table table, List<Link> sorts,
                          List<Link> downloads, List<Link> pages, List<Link> filters, String shown) {
    }

    public record Organization(Layout layout, String name, List<String> facts, boolean hasResult, String dated,
                               String total, String totalNote, List<String> places, Table criteria,
                               List<Table> indicators, Chart history, Table historyTable, List<String> campaign,
                               List<Link> links, String embedCode, String lineage) {
    }

    public record NotFound(Layout layout, String what) {
    }

    public record Compare(Layout layout, Chart chart, Table table) {
    }

    public record Municipality(Layout layout, String name, Table organizations, List<Link> links) {
    }

    public record Methodology(Layout layout, List<MethodologyPart> methodologies, List<String> rules) {
    }

    public record MethodologyPart(String code, String title, String years, String legalBasis, String description,
                                  String scale, String total, String variant, String zeroRule, Table criteria,
                                  Table indicators) {
    }
}
