package ru.noko.catalog.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import ru.noko.api.MethodologyApi;
import ru.noko.api.model.CalculationResult;
import ru.noko.api.model.CriterionList;
import ru.noko.api.model.MethodologyList;
import ru.noko.api.model.CsvDialect;
import ru.noko.api.model.PageMeta;
import ru.noko.api.model.ResponseFormat;
import ru.noko.api.model.TableHeaderNames;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.platform.web.ApiProblemException;
import ru.noko.platform.web.Representation;
import ru.noko.platform.web.TableResponses;
import ru.noko.platform.web.TableSource;

import java.util.List;
import java.util.Map;

/** Methodology endpoints: pure computation over the in-memory catalogue, so no blocking executor. */
@Controller
class MethodologyController implements MethodologyApi {

    private final MethodologyCatalogue catalogue;
    private final MethodologyMapper mapper;
    private final CalculatorRequests calculator;
    private final TableResponses tables;

    MethodologyController(MethodologyCatalogue catalogue, MethodologyMapper mapper, CalculatorRequests calculator,
                          TableResponses tables) {
        this.catalogue = catalogue;
        this.mapper = mapper;
        this.calculator = calculator;
        this.tables = tables;
    }

    @Override
    public HttpResponse<MethodologyList> listMethodologies(ResponseFormat format, CsvDialect dialect,
                                                           TableHeaderNames headers, Integer round) {
        List<Methodology> all = catalogue.methodologies();
        Representation representation = Representation.current();
        if (representation.isTable()) {
            return TableResponses.as(tables.table("methodologies", MethodologyColumns.METHODOLOGIES, all, representation,
                    TableSource.of("Методики независимой оценки качества")));
        }
        return HttpResponse.ok(new MethodologyList(all.stream().map(mapper::methodology).toList(), meta(all.size())));
    }

    @Override
    public HttpResponse<CriterionList> listCriteria(String methodologyCode, ResponseFormat format, CsvDialect dialect,
                                                    TableHeaderNames headers, Integer round) {
        Methodology methodology = methodologyCode == null ? catalogue.defaultMethodology()
                : catalogue.find(methodologyCode).orElseThrow(
                        () -> ApiProblemException.notFound("No methodology with code " + methodologyCode));
        Representation representation = Representation.current();
        if (representation.isTable()) {
            return TableResponses.as(tables.table("criteria-" + methodology.code(), MethodologyColumns.CRITERIA,
                    MethodologyColumns.rows(methodology), representation,
                    TableSource.of("Критерии и показатели").line("Методика", methodology.code() + " — "
                            + methodology.title()).line("Правовое основание", methodology.legalBasis())));
        }
        var criteria = methodology.criteria().stream().map(c -> mapper.criterion(methodology, c)).toList();
        return HttpResponse.ok(new CriterionList(criteria, meta(criteria.size())));
    }

    @Override
    public HttpResponse<CalculationResult> calculate(Map<String, Object> body) {
        return HttpResponse.ok(calculator.calculate(body));
    }

    private static PageMeta meta(int size) {
        PageMeta meta = new PageMeta((long) size, 1, Math.max(size, 1));
        meta.setPages(1);
        return meta;
    }
}
