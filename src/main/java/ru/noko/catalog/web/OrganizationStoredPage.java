package ru.noko.catalog.web;

import jakarta.inject.Singleton;
import ru.noko.platform.web.StoredPageRoutes;

import java.util.List;

/** An organization's JSON answer is kept among the stored pages and built ahead after a publish. */
@Singleton
class OrganizationStoredPage implements StoredPageRoutes {

    @Override
    public List<String> paths(long organizationId) {
        return List.of("/api/v1/organizations/" + organizationId);
    }
}
