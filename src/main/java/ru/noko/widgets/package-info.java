/**
 * Embeddable widgets for municipal and school websites: an HTML card of one organization and a
 * municipality ranking table for iframes, an SVG badge, {@code embed.js} (self-resizing iframes)
 * and the editor page where a site editor copies the embed code. Everything is rendered on the
 * server with {@code web.Html}, which escapes every value by construction.
 */
package ru.noko.widgets;

