package ru.noko.platform.web;

import java.util.List;

/**
 * The public routes of one organization that a feature keeps in {@link StoredPages}: the
 * {@link PageBuilder} asks each of them once an organization's data has changed, so that the
 * organization's pages are ready before anybody asks for them.
 */
public interface StoredPageRoutes {

    /** Paths (with their query, if any) of the organization's stored pages. */
    List<String> paths(long organizationId);
}
