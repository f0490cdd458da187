-- Organizations across reorganisations: a school that merges or re-registers gets a new ИНН and so
-- is a new organization here; a link says which organization continues which (as the GIAS links
-- file does), so its results history can follow. Either way round two organizations are linked once.
CREATE TABLE organization_link (
    id             bigserial   PRIMARY KEY,
    predecessor_id bigint      NOT NULL REFERENCES organization (id),
    successor_id   bigint      NOT NULL REFERENCES organization (id),
    kind           text        NOT NULL CHECK (kind IN ('merged', 'renamed', 'reregistered', 'split')),
    effective_date date        NOT NULL,
    note           text        CHECK (length(note) <= 1000),
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text        NOT NULL,
    CHECK (predecessor_id <> successor_id)
);
CREATE UNIQUE INDEX organization_link_pair_idx
    ON organization_link (least(predecessor_id, successor_id), greatest(predecessor_id, successor_id));
CREATE INDEX organization_link_successor_idx ON organization_link (successor_id);
CREATE INDEX organization_link_predecessor_idx ON organization_link (predecessor_id);

-- Links are editable, open-data files are not: every release keeps the links as they were when it
-- was made, so the organizations file of a release keeps its bytes after a link is removed.
CREATE TABLE opendata_release_link (
    release_id     bigint NOT NULL REFERENCES opendata_release (id),
    predecessor_id bigint NOT NULL,
    successor_id   bigint NOT NULL,
    kind           text   NOT NULL,
    effective_date date   NOT NULL,
    PRIMARY KEY (release_id, predecessor_id, successor_id)
);
CREATE INDEX opendata_release_link_successor_idx ON opendata_release_link (release_id, successor_id);
