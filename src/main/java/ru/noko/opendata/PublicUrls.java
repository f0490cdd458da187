package ru.noko.opendata;

import jakarta.inject.Singleton;
import ru.noko.platform.web.PublicBaseUrl;

/** Absolute URLs of open-data files, on the service's one public base URL. */
@Singleton
public class PublicUrls {

    private final PublicBaseUrl baseUrl;

    PublicUrls(PublicBaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String base() {
        return baseUrl.current();
    }

    /** The folder of a dataset's files, ending in a slash. */
    public String folder(String identifier) {
        return base() + "/opendata/" + identifier + "/";
    }
}
