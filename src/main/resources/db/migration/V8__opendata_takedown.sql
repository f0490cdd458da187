-- Legal takedowns: a campaign withdrawn from every open-data version that contained it.
CREATE TABLE opendata_takedown (
    id            bigserial   PRIMARY KEY,
    campaign_id   bigint      NOT NULL UNIQUE REFERENCES campaign (id),
    reason        text        NOT NULL,
    taken_down_at timestamptz NOT NULL,
    actor         text        NOT NULL,
    token_id      bigint
);

-- Editions of data files. Edition 1 of a dataset's version is the file its release made (no row
-- here). A takedown that changes a file's rows adds its next edition, generated from the same
-- release without the campaigns of every takedown up to and including this one; every edition
-- but the newest answers 410 Gone. Files a takedown does not touch get no row and keep their bytes.
CREATE TABLE opendata_file_edition (
    release_id  bigint  NOT NULL REFERENCES opendata_release (id),
    dataset     text    NOT NULL,
    edition     integer NOT NULL CHECK (edition >= 2),
    takedown_id bigint  NOT NULL REFERENCES opendata_takedown (id),
    PRIMARY KEY (release_id, dataset, edition),
    UNIQUE (release_id, dataset, takedown_id)
);
CREATE INDEX opendata_file_edition_dataset_idx ON opendata_file_edition (dataset, release_id, edition);

-- Checksums are per edition.
ALTER TABLE opendata_file ADD COLUMN edition integer NOT NULL DEFAULT 1 CHECK (edition >= 1);
ALTER TABLE opendata_file DROP CONSTRAINT opendata_file_pkey;
ALTER TABLE opendata_file ADD PRIMARY KEY (release_id, dataset, edition);
