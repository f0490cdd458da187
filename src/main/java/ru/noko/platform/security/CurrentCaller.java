package ru.noko.platform.security;

import io.micronaut.http.HttpStatus;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;
import ru.noko.platform.web.ApiProblemException;

import java.util.List;
import java.util.function.Supplier;

/** The caller of the current request, and the checks every admin endpoint makes. */
@Singleton
public class CurrentCaller {

    public static final String FORBIDDEN_TYPE = "/docs/problems#forbidden";

    private final SecurityService security;

    public CurrentCaller(SecurityService security) {
        this.security = security;
    }

    public Caller get() {
        return security.getAuthentication().map(Caller::of).orElseThrow(() -> new ApiProblemException(
                HttpStatus.UNAUTHORIZED, "/docs/problems#unauthorized", "Unauthorized", "A bearer token is required", List.of()));
    }

    public Caller requireAdmin() {
        Caller caller = get();
        if (!caller.admin()) {
            throw forbidden("Only an admin token may do this");
        }
        return caller;
    }

    /**
     * The caller, when it may manage {@code regionCode}; otherwise the exception {@code absent} gives, which must be
     * the very answer the resource would get if it did not exist: a token learns nothing about other regions.
     */
    public Caller requireRegion(String regionCode, Supplier<? extends RuntimeException> absent) {
        Caller caller = get();
        if (!caller.mayManage(regionCode)) {
            throw absent.get();
        }
        return caller;
    }

    public static ApiProblemException forbidden(String detail) {
        return new ApiProblemException(HttpStatus.FORBIDDEN, FORBIDDEN_TYPE, "Forbidden", detail, List.of());
    }
}
