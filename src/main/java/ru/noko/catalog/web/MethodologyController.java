package ru.noko.catalog.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import ru.noko.api.MethodologyApi;
import ru.noko.api.model.CalculationResult;
import ru.noko.api.model.CriterionList;
import ru.noko.api.model.MethodologyList;
import ru.noko.api.model.PageMeta;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.platform.web.ApiProblemException;

import java.util.List;
import java.util.Map;

/** Methodology endpoints: pure computation over the in-memory catalogue, so no blocking executor. */
@Controller
class MethodologyController implements MethodologyApi {

    private final MethodologyCatalogue catalogue;
    private final MethodologyMapper mapper;
    private final CalculatorRequests calculator;

    MethodologyController(MethodologyCatalogue catalogue, MethodologyMapper mapper, CalculatorRequests calculator) {
        this.catalogue = catalogue;
        this.mapper = mapper;
        this.calculator = calculator;
    }

    @Override
    public HttpResponse<MethodologyList> listMethodologies() {
        List<Methodology> all = catalogue.methodologies();
        return HttpResponse.ok(new MethodologyList(all.stream().map(mapper::methodology).toList(), meta(all.size())));
    }

    @Override
    public HttpResponse<CriterionList> listCriteria(String methodologyCode) {
        Methodology methodology = methodologyCode == null ? catalogue.defaultMethodology()
                : catalogue.find(methodologyCode).orElseThrow(
                        () -> ApiProblemException.notFound("No methodology with code " + methodologyCode));
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
