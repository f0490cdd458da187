/**
 * The public explorer: server-rendered Russian pages for citizens and journalists (home, regions,
 * a region's ranking, an organization, comparison, a municipality, the methodology). Data comes
 * through the same query classes as the API (ratings, campaigns, catalog), so a page's numbers are
 * the API's for the same query; templates are JTE ({@code src/main/jte}), which escapes every value.
 * A top-floor feature: nothing depends on it.
 */
package ru.noko.explorer;
