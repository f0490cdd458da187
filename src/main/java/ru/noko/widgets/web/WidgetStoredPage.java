package ru.noko.widgets.web;

import jakarta.inject.Singleton;
import ru.noko.platform.web.StoredPageRoutes;

import java.util.List;

/** An organization's widget card (default options) is kept among the stored pages and built ahead after a publish. */
@Singleton
class WidgetStoredPage implements StoredPageRoutes {

    @Override
    public List<String> paths(long organizationId) {
        return List.of("/widgets/organizations/" + organizationId);
    }
}
