package ru.noko.platform.security.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import ru.noko.api.AdminTokensApi;
import ru.noko.api.model.ApiTokenInput;
import ru.noko.api.model.ApiTokenInputRole;
import ru.noko.api.model.ApiTokenList;
import ru.noko.api.model.AuditEntry;
import ru.noko.api.model.AuditEntryList;
import ru.noko.api.model.CreatedApiToken;
import ru.noko.api.model.CurrentToken;
import ru.noko.platform.security.RegionCodes;
import ru.noko.platform.security.ApiToken;
import ru.noko.platform.security.ApiTokens;
import ru.noko.platform.security.AuditLog;
import ru.noko.platform.security.Caller;
import ru.noko.platform.security.CurrentCaller;
import ru.noko.platform.web.ApiProblemException;
import ru.noko.platform.web.FieldProblem;
import ru.noko.platform.web.Page;
import ru.noko.platform.web.PageLinking;
import ru.noko.platform.web.PageRequest;

import java.util.ArrayList;
import java.util.List;

/** Token management and the audit log: admin tokens only. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class TokenController implements AdminTokensApi {

    private final ApiTokens tokens;
    private final AuditLog audit;
    private final CurrentCaller caller;
    private final RegionCodes regions;

    TokenController(ApiTokens tokens, AuditLog audit, CurrentCaller caller, RegionCodes regions) {
        this.tokens = tokens;
        this.audit = audit;
        this.caller = caller;
        this.regions = regions;
    }

    @Override
    public HttpResponse<ApiTokenList> listTokens() {
        caller.requireAdmin();
        return HttpResponse.ok(new ApiTokenList(tokens.list().stream().map(TokenController::model).toList()));
    }

    @Override
    public HttpResponse<CurrentToken> getCurrentToken() {
        Caller who = caller.get();
        return HttpResponse.ok(new CurrentToken(who.name(), who.admin() ? ApiTokenInputRole.ADMIN : ApiTokenInputRole.OPERATOR,
                who.admin() ? List.of() : List.copyOf(who.regions())).tokenId(who.tokenId()));
    }

    @Override
    public HttpResponse<CreatedApiToken> createToken(ApiTokenInput input) {
        Caller admin = caller.requireAdmin();
        boolean isAdmin = input.getRole() == ApiTokenInputRole.ADMIN;
        List<String> scope = input.getRegions() == null ? List.of() : input.getRegions();
        List<FieldProblem> problems = new ArrayList<>();
        if (!isAdmin && scope.isEmpty()) {
            problems.add(FieldProblem.ofField("regions", "required", "Для токена оператора нужно указать хотя бы один регион"));
        }
        for (String code : scope) {
            if (!regions.exists(code)) {
                problems.add(FieldProblem.ofField("regions", code, "unknown_region", "Неизвестный код региона " + code));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblemException.invalid("The token request is invalid", problems);
        }
        ApiTokens.Created created = tokens.create(admin, input.getName().trim(), isAdmin, scope);
        return HttpResponse.created(new CreatedApiToken(model(created.token()), created.secret()));
    }

    @Override
    public HttpResponse<Void> revokeToken(Long id) {
        Caller admin = caller.requireAdmin();
        if (!tokens.revoke(admin, id)) {
            throw ApiProblemException.notFound("No token " + id);
        }
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    @Override
    public HttpResponse<AuditEntryList> listAuditLog(String target, Integer page, Integer perPage) {
        caller.requireAdmin();
        Page<AuditLog.Entry> entries = audit.list(target, PageRequest.of(page, perPage));
        AuditEntryList list = new AuditEntryList(entries.rows().stream().map(TokenController::entry).toList(),
                PageLinking.meta(entries), PageLinking.links(entries));
        return PageLinking.withLinkHeader(HttpResponse.ok(list), list.getLinks());
    }

    private static ru.noko.api.model.ApiToken model(ApiToken token) {
        ru.noko.api.model.ApiToken model = new ru.noko.api.model.ApiToken(token.id(), token.name(),
                token.admin() ? ApiTokenInputRole.ADMIN : ApiTokenInputRole.OPERATOR,
                token.regions(), token.createdAt());
        model.setCreatedBy(token.createdBy());
        model.setRevokedAt(token.revokedAt());
        model.setLastUsedAt(token.lastUsedAt());
        return model;
    }

    private static AuditEntry entry(AuditLog.Entry entry) {
        AuditEntry model = new AuditEntry(entry.id(), entry.at(), entry.actor(), entry.action());
        model.setTokenId(entry.tokenId());
        model.setTarget(entry.target());
        model.setDetails(entry.details());
        return model;
    }
}
