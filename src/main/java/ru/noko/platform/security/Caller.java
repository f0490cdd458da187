package ru.noko.platform.security;

import io.micronaut.security.authentication.Authentication;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling an admin endpoint: a stored token (id, name) or the bootstrap token, its role and,
 * for an operator, the regions it may manage.
 */
public record Caller(Long tokenId, String name, boolean admin, Set<String> regions) {

    public static final String ADMIN_ROLE = "ADMIN";
    public static final String OPERATOR_ROLE = "OPERATOR";
    static final String TOKEN_ID = "token_id";
    static final String REGIONS = "regions";

    public Caller {
        regions = Set.copyOf(regions);
    }

    public static Caller of(Authentication authentication) {
        Object id = authentication.getAttributes().get(TOKEN_ID);
        Object regions = authentication.getAttributes().get(REGIONS);
        Set<String> scope = new TreeSet<>();
        if (regions instanceof Collection<?> codes) {
            codes.forEach(code -> scope.add(String.valueOf(code)));
        }
        return new Caller(id instanceof Number number ? number.longValue() : null, authentication.getName(),
                authentication.getRoles().contains(ADMIN_ROLE), scope);
    }

    Authentication authentication() {
        return Authentication.build(name, List.of(admin ? ADMIN_ROLE : OPERATOR_ROLE),
                tokenId == null ? java.util.Map.of(REGIONS, List.copyOf(regions))
                        : java.util.Map.of(TOKEN_ID, tokenId, REGIONS, List.copyOf(regions)));
    }

    public boolean mayManage(String regionCode) {
        return admin || regions.contains(regionCode);
    }
}
