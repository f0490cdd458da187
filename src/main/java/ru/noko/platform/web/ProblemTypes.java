package ru.noko.platform.web;

/** Problem type URIs; relative references resolve against the service's documentation. */
public final class ProblemTypes {

    public static final String INVALID_REQUEST = "/docs/problems#invalid-request";
    public static final String NOT_FOUND = "/docs/problems#not-found";
    public static final String TOO_MANY_REQUESTS = "/docs/problems#too-many-requests";
    public static final String TOO_LARGE = "/docs/problems#too-large";
    public static final String DATABASE_UNAVAILABLE = "/docs/problems#database-unavailable";
    public static final String GENERIC = "about:blank";

    private ProblemTypes() {
    }
}
