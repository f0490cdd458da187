-- Rendered public pages kept for every node: an organization's answers (its JSON, its results
-- history, its widget) are read from one row instead of being computed from the results each time
-- the long tail of 45 000 organizations is asked for. A page is named by the hash of its cache key
-- (route, canonical parameters, representation, content coding: never the data version) and is
-- valid while nothing it shows has changed: while the version it was rendered at is not older than
-- the last change of its scope (the region of the organization) nor than the last change of
-- everything ('*', for changes whose reach is not known by region).
CREATE TABLE stored_page (
    key_hash         bytea PRIMARY KEY,
    scope            text NOT NULL,
    organization_id  bigint,
    built_version    bigint NOT NULL,
    stored_at        timestamptz NOT NULL DEFAULT now(),
    content_type     text NOT NULL,
    content_encoding text,
    headers          text NOT NULL DEFAULT '',
    body             bytea NOT NULL
);
CREATE INDEX stored_page_stored_at ON stored_page (stored_at);

-- The data version at which published data last changed in a scope ('*': everywhere).
CREATE TABLE page_scope (
    scope           text PRIMARY KEY,
    changed_version bigint NOT NULL
);

-- Which organizations' pages the background builder has rendered, at which data version and by which
-- build of the service, and which node holds a claim on rendering them now (so two nodes never render
-- the same organization at once).
CREATE TABLE page_build (
    organization_id bigint PRIMARY KEY REFERENCES organization (id) ON DELETE CASCADE,
    built_version   bigint NOT NULL DEFAULT -1,
    build           text,
    claimed_until   timestamptz
);
