package ru.noko.widgets.web;

import ru.noko.widgets.WidgetData;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** GET /widgets: find an organization, choose options, copy the embed code. */
final class EditorPage {

    /**
     * Heights of the iframe snippets, in px: the card at the preview's 360 px is 700–770 px tall
     * (longer names and notes make it taller), the compact one 300–370, the municipality table of
     * ten rows about 740 (WidgetFitTest measures them in Chromium). embed.js starts its frames at
     * the same heights before the content reports its own.
     */
    static final int CARD_HEIGHT = 840;
    static final int COMPACT_CARD_HEIGHT = 380;
    static final int TABLE_HEIGHT = 760;

    static final int MAX_RESULTS = 30;
    /** What a widget frame may do: run its own script and open links in new tabs, never touch the host page. */
    static final String SANDBOX = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";

    private EditorPage() {
    }

    static String render(String query, List<WidgetData.Found> found, WidgetData.Found chosen, WidgetOptions options,
                         String baseUrl, WidgetAssets assets) {
        Labels l = options.labels();
        Html h = Html.document();
        h.open("html", "lang", l.lang());
        h.open("head");
        h.empty("meta", "charset", "utf-8");
        h.empty("meta", "name", "viewport", "content", "width=device-width,initial-scale=1");
        h.element("title", l.t("Виджеты НОКО для сайтов", "NOKO widgets for websites"));
        h.style(assets.editorCss());
        h.open("script", "src", "/widgets/editor.js", "defer", "").close();
        h.close("head");
        h.open("body");
        h.open("header", "class", "top");
        h.element("h1", l.t("Виджеты НОКО для сайтов", "NOKO widgets for websites"));
        h.element("p", l.t("Карточка организации, рейтинг муниципалитета и значок с результатами независимой оценки "
                        + "качества — для сайтов школ, детских садов, управлений образования и муниципалитетов.",
                "An organization card, a municipality ranking and a badge with the independent quality assessment "
                        + "results, for the websites of schools, education authorities and municipalities."));
        h.close("header");
        h.open("main");

        h.open("section", "aria-labelledby", "find-title");
        h.element("h2", l.t("1. Найдите организацию", "1. Find the organization"), "id", "find-title");
        h.open("form", "class", "search", "method", "get", "action", "/widgets", "role", "search");
        h.element("label", l.t("Название", "Name"), "for", "q", "class", "sr");
        h.empty("input", "type", "search", "id", "q", "name", "q", "value", query == null ? "" : query,
                "placeholder", l.t("например: гимназия № 1", "e.g. гимназия № 1"), "maxlength", "200", "autocomplete", "off");
        hiddenOptions(h, options, false);
        h.element("button", l.t("Найти", "Search"), "type", "submit");
        h.close("form");
        h.element("p", l.t("Поиск по словам названия, без учёта регистра и различия «е» и «ё».",
                "Searches the words of the name; case and ё/е do not matter."), "class", "hint");
        if (query != null && !query.isBlank()) {
            if (found.isEmpty()) {
                h.element("p", l.t("Ничего не найдено.", "Nothing found."), "class", "hint");
            } else {
                h.open("ul", "class", "results");
                for (WidgetData.Found f : found) {
                    h.open("li");
                    h.element("a", f.name(), "href", "/widgets?organization=" + f.id() + "&q="
                            + URLEncoder.encode(query, StandardCharsets.UTF_8) + optionsQuery(options));
                    if (f.demoRegion()) {
                        h.element("span", l.t("демо", "demo"), "class", "demo");
                    }
                    h.element("small", describe(f, l));
                    h.close("li");
                }
                h.close("ul");
                if (found.size() == MAX_RESULTS) {
                    h.element("p", l.t("Показаны первые " + MAX_RESULTS + " — уточните запрос.",
                            "The first " + MAX_RESULTS + " are shown; refine the search."), "class", "hint");
                }
            }
        }
        h.close("section");

        if (chosen != null) {
            chosen(h, query, chosen, options, baseUrl);
        }
        h.close("main");
        h.close("body");
        h.close("html");
        return h.finish();
    }

    private static void chosen(Html h, String query, WidgetData.Found f, WidgetOptions options, String baseUrl) {
        Labels l = options.labels();
        String card = "/widgets/organizations/" + f.id() + options.query(true);
        String name = f.shortName() != null && !f.shortName().isBlank() ? f.shortName() : f.name();

        h.open("section", "aria-labelledby", "card-title");
        h.element("h2", l.t("2. Карточка: ", "2. Card: ") + name, "id", "card-title");
        h.element("p", describe(f, l), "class", "hint");
        h.open("div", "class", "layout");
        h.open("div");
        h.open("form", "id", "options", "class", "options", "method", "get", "action", "/widgets");
        h.empty("input", "type", "hidden", "name", "organization", "value", String.valueOf(f.id()));
        if (query != null && !query.isBlank()) {
            h.empty("input", "type", "hidden", "name", "q", "value", query);
        }
        select(h, "theme", l.t("Оформление", "Theme"), options.theme(),
                new String[][]{{"light", l.t("светлое", "light")}, {"dark", l.t("тёмное", "dark")},
                        {"auto", l.t("как в системе читателя", "reader's system")}});
        select(h, "lang", l.t("Язык", "Language"), l.lang(), new String[][]{{"ru", "русский"}, {"en", "English"}});
        h.open("label");
        h.empty("input", "type", "checkbox", "name", "compact", "value", "true", "checked", options.compact() ? "" : null);
        h.text(l.t(" компактная", " compact"));
        h.close("label");
        h.element("button", l.t("Применить", "Apply"), "type", "submit", "class", "secondary");
        h.close("form");
        h.empty("iframe", "id", "preview", "src", card, "title", l.t("Предпросмотр карточки", "Card preview"));
        h.close("div");

        h.open("div");
        String absolute = baseUrl + card;
        int height = options.compact() ? COMPACT_CARD_HEIGHT : CARD_HEIGHT;
        code(h, "code-iframe", l.t("Код для вставки: iframe", "Embed code: iframe"),
                l.t("Работает в любой системе управления сайтом, где можно вставить HTML. Высота вмещает карточку "
                        + "в колонке шириной от 360 пикселей; в более узкой колонке её стоит увеличить.",
                        "Works in any CMS that accepts HTML. The height holds the card in a column 360 px wide or "
                        + "wider; increase it for narrower columns."),
                "<iframe src=\"" + Html.escape(absolute) + "\" title=\"" + Html.escape(l.t("Результаты НОКО: ", "NOKO results: ") + name)
                        + "\" width=\"100%\" height=\"" + height + "\" style=\"border:0;max-width:640px\" loading=\"lazy\""
                        + " sandbox=\"" + SANDBOX + "\"></iframe>", l);
        code(h, "code-script", l.t("Код для вставки: скрипт", "Embed code: script"),
                l.t("Высота подстраивается под содержимое сама.", "The height follows the content by itself."),
                "<div data-noko-organization=\"" + f.id() + "\"" + dataOptions(options, true) + "></div>\n"
                        + "<script src=\"" + Html.escape(baseUrl) + "/widgets/embed.js\" async></script>", l);
        String badge = baseUrl + "/widgets/organizations/" + f.id() + "/badge.svg" + (l.english() ? "?lang=en" : "");
        h.open("h3").text(l.t("Значок ", "Badge ")).open("span", "class", "badge")
                .empty("img", "src", "/widgets/organizations/" + f.id() + "/badge.svg" + (l.english() ? "?lang=en" : ""),
                        "alt", l.t("Значок НОКО", "NOKO badge"), "height", "20")
                .close().close();
        code(h, "code-badge", null, l.t("Для ссылок, новостей и документов.", "For links, news and documents."),
                "<a href=\"" + Html.escape(baseUrl + "/widgets/organizations/" + f.id()) + "\"><img src=\"" + Html.escape(badge)
                        + "\" alt=\"" + Html.escape(l.t("НОКО: ", "NOKO: ") + name) + "\" height=\"20\"></a>", l);
        if (f.oktmo() != null) {
            code(h, "code-municipality", l.t("Рейтинг муниципалитета", "Municipality ranking"),
                    l.t("Десять лучших по итоговому баллу; эта организация выделена.",
                            "The top ten by total score; this organization is highlighted."),
                    "<div data-noko-municipality=\"" + f.oktmo() + "\" data-noko-highlight=\"" + f.id() + "\""
                            + dataOptions(options, false) + "></div>\n"
                            + "<script src=\"" + Html.escape(baseUrl) + "/widgets/embed.js\" async></script>", l);
        }
        h.close("div");
        h.close("div");
        h.close("section");
    }

    private static void code(Html h, String id, String title, String hint, String code, Labels l) {
        if (title != null) {
            h.element("h3", title);
        }
        h.element("p", hint, "class", "hint", "id", id + "-hint");
        h.element("label", title == null ? l.t("Код значка", "Badge code") : title, "for", id, "class", "sr");
        h.element("textarea", code, "id", id, "rows", String.valueOf(code.split("\n").length + 2), "readonly", "",
                "spellcheck", "false", "aria-describedby", id + "-hint");
        h.open("div", "class", "copy");
        h.element("button", l.t("Скопировать", "Copy"), "type", "button", "data-copy", id,
                "data-done", l.t("Скопировано ✓", "Copied ✓"));
        h.close("div");
    }

    private static void select(Html h, String name, String label, String value, String[][] choices) {
        h.open("label").text(label + " ");
        h.open("select", "name", name);
        for (String[] choice : choices) {
            h.element("option", choice[1], "value", choice[0], "selected", choice[0].equals(value) ? "" : null);
        }
        h.close("select");
        h.close("label");
    }

    private static void hiddenOptions(Html h, WidgetOptions options, boolean withCompact) {
        if (!options.theme().equals("light")) {
            h.empty("input", "type", "hidden", "name", "theme", "value", options.theme());
        }
        if (options.labels().english()) {
            h.empty("input", "type", "hidden", "name", "lang", "value", "en");
        }
        if (withCompact && options.compact()) {
            h.empty("input", "type", "hidden", "name", "compact", "value", "true");
        }
    }

    private static String optionsQuery(WidgetOptions options) {
        String query = options.query(true);
        return query.isEmpty() ? "" : "&" + query.substring(1);
    }

    private static String dataOptions(WidgetOptions options, boolean withCompact) {
        StringBuilder out = new StringBuilder();
        if (!options.theme().equals("light")) {
            out.append(" data-noko-theme=\"").append(options.theme()).append('"');
        }
        if (options.labels().english()) {
            out.append(" data-noko-lang=\"en\"");
        }
        if (withCompact && options.compact()) {
            out.append(" data-noko-compact=\"true\"");
        }
        return out.toString();
    }

    private static String describe(WidgetData.Found f, Labels l) {
        StringBuilder out = new StringBuilder(l.typeName(f.type()));
        if (f.municipality() != null) {
            out.append(" · ").append(f.municipality());
        }
        out.append(" · ").append(f.regionName()).append(" · ");
        out.append(f.latestYear() == null ? l.t("результаты не опубликованы", "no results published")
                : l.t("последняя оценка: ", "latest assessment: ") + f.latestYear());
        return out.toString();
    }
}
