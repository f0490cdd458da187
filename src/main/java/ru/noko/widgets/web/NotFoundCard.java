package ru.noko.widgets.web;

/**
 * What a widget shows for an id that names nothing: a small card in the widget's own style, so
 * that a reader of the host page sees a sentence, not a problem document, inside the frame.
 */
final class NotFoundCard {

    private NotFoundCard() {
    }

    static String render(String title, String explanation, WidgetOptions options, WidgetAssets assets) {
        Labels l = options.labels();
        Html h = WidgetPage.start(title, options, assets);
        h.open("article", "class", "card compact", "role", "alert", "aria-labelledby", "not-found-title");
        h.element("h1", title, "id", "not-found-title");
        h.element("p", explanation, "class", "meta");
        h.open("footer").element("span", l.t("НОКО Open Data", "NOKO Open Data"), "class", "brand").close();
        h.close("article");
        return WidgetPage.finish(h);
    }
}
