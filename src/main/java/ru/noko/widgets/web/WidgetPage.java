package ru.noko.widgets.web;

/** The frame of every widget page: language, theme, the inlined stylesheet and the resize script. */
final class WidgetPage {

    private WidgetPage() {
    }

    static Html start(String title, WidgetOptions options, WidgetAssets assets) {
        Html h = Html.document();
        h.open("html", "lang", options.labels().lang(), "class", options.theme());
        h.open("head");
        h.empty("meta", "charset", "utf-8");
        h.empty("meta", "name", "viewport", "content", "width=device-width,initial-scale=1");
        h.empty("meta", "name", "robots", "content", "noindex");
        h.element("title", title);
        h.empty("base", "target", "_blank");
        h.style(assets.widgetCss());
        h.open("script", "src", "/widgets/frame.js", "defer", "").close();
        h.close("head");
        h.open("body");
        return h;
    }

    static String finish(Html h) {
        h.close("body");
        h.close("html");
        return h.finish();
    }

    /** Link to an organization's card with the same display options. */
    static String cardHref(long organizationId, Long campaignId, WidgetOptions options, boolean withCompact) {
        String query = options.query(withCompact);
        if (campaignId != null) {
            query += (query.isEmpty() ? "?" : "&") + "campaign=" + campaignId;
        }
        return "/widgets/organizations/" + organizationId + query;
    }
}
