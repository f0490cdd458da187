package ru.noko.widgets.web;

import ru.noko.widgets.WidgetData;
import ru.noko.widgets.WidgetRepository;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import ru.noko.api.WidgetsApi;
import ru.noko.api.model.OrganizationType;
import ru.noko.api.model.WidgetLanguage;
import ru.noko.api.model.WidgetTheme;
import ru.noko.methodology.Criterion;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.platform.web.ApiProblemException;
import ru.noko.platform.web.ProblemTypes;
import ru.noko.platform.web.PublicBaseUrl;
import ru.noko.platform.web.StoredPages;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class WidgetController implements WidgetsApi {

    private final WidgetRepository repository;
    private final WidgetResponses responses;
    private final WidgetAssets assets;
    private final MethodologyCatalogue catalogue;
    private final PublicBaseUrl baseUrl;
    private final String editorPolicy;

    WidgetController(WidgetRepository repository, WidgetResponses responses, WidgetAssets assets,
                     MethodologyCatalogue catalogue, PublicBaseUrl baseUrl) {
        this.repository = repository;
        this.responses = responses;
        this.assets = assets;
        this.catalogue = catalogue;
        this.baseUrl = baseUrl;
        this.editorPolicy = "default-src 'none'; style-src " + WidgetAssets.cspHash(assets.editorCss())
                + "; script-src 'self'; img-src 'self' data:; frame-src 'self'; form-action 'self'; base-uri 'none'; "
                + "frame-ancestors 'none'";
    }

    @Override
    public HttpResponse<String> getOrganizationWidget(Long id, Long campaign, WidgetTheme theme, WidgetLanguage lang,
                                                      Boolean compact) {
        WidgetOptions options = WidgetOptions.of(value(theme), value(lang), compact);
        try {
            return responses.storedWidget("organization/" + id + "/" + campaign, options.key(), () -> {
                WidgetData.Card card = card(id, campaign, options.labels());
                String methodologyCode = card.shown() == null ? null : card.shown().campaign().methodologyCode();
                String body = OrganizationCard.render(card, criteria(methodologyCode), methodology(methodologyCode).maxTotal(),
                        options, assets, OffsetDateTime.now());
                return new WidgetResponses.Rendered(body, WidgetResponses.HTML, responses.pagePolicy(),
                        new StoredPages.Scope(card.organization().regionCode(), id));
            });
        } catch (Unknown unknown) {
            return notFound(unknown, options);
        }
    }

    @Override
    public HttpResponse<String> getOrganizationBadge(Long id, Long campaign, WidgetLanguage lang) {
        Labels labels = Labels.of(value(lang));
        return responses.dataWidget("badge/" + id + "/" + campaign, labels.lang(), () -> {
            WidgetData.Card card = card(id, campaign, labels);
            double maxTotal = methodology(card.shown() == null ? null : card.shown().campaign().methodologyCode()).maxTotal();
            return new WidgetResponses.Rendered(Badge.render(card, maxTotal, labels), WidgetResponses.SVG,
                    WidgetResponses.badgePolicy());
        });
    }

    @Override
    public HttpResponse<String> getMunicipalityWidget(String oktmo, Long campaign, Integer year, OrganizationType type,
                                                      Integer limit, Long highlight, WidgetTheme theme,
                                                      WidgetLanguage lang, Boolean compact) {
        WidgetOptions options = WidgetOptions.of(value(theme), value(lang), compact);
        int top = limit == null ? 10 : limit;
        ru.noko.catalog.OrganizationType domainType = type == null ? null
                : ru.noko.catalog.OrganizationType.fromCode(type.getValue()).orElseThrow();
        String route = "municipality/" + oktmo + "/" + campaign + "/" + year + "/" + type + "/" + top + "/" + highlight;
        Labels l = options.labels();
        try {
            return responses.dataWidget(route, options.key(), () -> {
                WidgetData.Municipality municipality = repository.municipality(oktmo).orElseThrow(() -> new Unknown(
                        "No municipality with ОКТМО " + oktmo, l.t("Муниципалитет не найден", "Municipality not found"),
                        l.t("Муниципалитета с кодом ОКТМО " + oktmo + " нет в данных НОКО. Проверьте код виджета.",
                                "There is no municipality with ОКТМО " + oktmo + " in the NOKO data. Check the widget code.")));
                WidgetData.Ranking ranking = repository.ranking(municipality, campaign, year, domainType);
                if (campaign != null && ranking.campaign() == null) {
                    throw new Unknown("Campaign " + campaign + " has no published results in municipality " + oktmo,
                            l.t("Результаты не найдены", "Results not found"),
                            l.t("В кампании " + campaign + " нет опубликованных результатов этого муниципалитета.",
                                    "Campaign " + campaign + " has no published results in this municipality."));
                }
                String body = MunicipalityTable.render(ranking, criteria(ranking.campaign() == null ? null
                        : ranking.campaign().methodologyCode()), top, highlight, year, options, assets);
                return new WidgetResponses.Rendered(body, WidgetResponses.HTML, responses.pagePolicy());
            });
        } catch (Unknown unknown) {
            return notFound(unknown, options);
        }
    }

    @Override
    public HttpResponse<String> getWidgetEmbedScript() {
        return responses.script(assets.embedJs());
    }

    @Override
    public HttpResponse<String> getWidgetFrameScript() {
        return responses.script(assets.frameJs());
    }

    @Override
    public HttpResponse<String> getWidgetEditorScript() {
        return responses.script(assets.editorJs());
    }

    @Override
    public HttpResponse<String> getWidgetEditor(String q, Long organization, WidgetTheme theme, WidgetLanguage lang,
                                                Boolean compact) {
        WidgetOptions options = WidgetOptions.of(value(theme), value(lang), compact);
        String query = q == null ? null : q.strip();
        List<WidgetData.Found> found = query == null || query.isEmpty() ? List.of()
                : repository.search(query, EditorPage.MAX_RESULTS);
        WidgetData.Found chosen = organization == null ? null : repository.found(organization)
                .orElseThrow(() -> ApiProblemException.notFound("No organization with id " + organization));
        String body = EditorPage.render(query, found, chosen, options, baseUrl.current(), assets);
        return HttpResponse.ok(body).contentType(WidgetResponses.HTML)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header("Content-Security-Policy", editorPolicy)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", WidgetResponses.REFERRER_POLICY);
    }

    private WidgetData.Card card(long id, Long campaign, Labels l) {
        WidgetData.Card card = repository.card(id, campaign).orElseThrow(() -> new Unknown(
                "No organization with id " + id, l.t("Организация не найдена", "Organization not found"),
                l.t("Организации с номером " + id + " нет в данных НОКО. Проверьте код виджета.",
                        "There is no organization number " + id + " in the NOKO data. Check the widget code.")));
        if (campaign != null && card.shown() == null) {
            throw new Unknown("Organization " + id + " has no published result in campaign " + campaign,
                    l.t("Результат не найден", "Result not found"),
                    l.t("У этой организации нет опубликованного результата в кампании " + campaign + ".",
                            "This organization has no published result in campaign " + campaign + "."));
        }
        return card;
    }

    /**
     * A 404 of a widget: the small HTML card for a client that takes HTML (a browser, the iframe on a
     * host's page), the problem document for one that asks for JSON.
     */
    private HttpResponse<String> notFound(Unknown unknown, WidgetOptions options) {
        if (!WidgetResponses.acceptsHtml()) {
            throw unknown;
        }
        return responses.notFound(NotFoundCard.render(unknown.heading, unknown.explanation, options, assets));
    }

    /** Nothing under a widget's id: a 404 problem, carrying the words of the card that replaces it for readers. */
    private static final class Unknown extends ApiProblemException {

        private final String heading;
        private final String explanation;

        Unknown(String detail, String heading, String explanation) {
            super(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not Found", detail, List.of());
            this.heading = heading;
            this.explanation = explanation;
        }
    }

    private Methodology methodology(String methodologyCode) {
        return methodologyCode == null ? catalogue.defaultMethodology()
                : catalogue.find(methodologyCode).orElse(catalogue.defaultMethodology());
    }

    private List<Criterion> criteria(String methodologyCode) {
        return methodology(methodologyCode).criteria().stream().sorted(Comparator.comparingInt(Criterion::position)).toList();
    }

    private static String value(WidgetTheme theme) {
        return theme == null ? null : theme.getValue();
    }

    private static String value(WidgetLanguage lang) {
        return lang == null ? null : lang.getValue();
    }
}
