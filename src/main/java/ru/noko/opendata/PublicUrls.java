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

    /** The folder of a dataset's files (passport, structure, data), ending in a slash. */
    public String folder(String identifier) {
        return baseUrl.current() + "/opendata/" + identifier + "/";
    }
}
