-- Open-data releases: every publish, correction or retraction freezes the set of published
-- campaign revisions. Published revisions are immutable, so a release's files can be regenerated
-- byte for byte forever from this manifest.
CREATE TABLE opendata_release (
    id         bigserial   PRIMARY KEY,
    version    varchar(15) NOT NULL UNIQUE CHECK (version ~ '^[0-9]{8}T[0-9]{6}$'),
    created_at timestamptz NOT NULL,
    provenance text        NOT NULL
);

CREATE TABLE opendata_release_campaign (
    release_id  bigint     NOT NULL REFERENCES opendata_release (id),
    campaign_id bigint     NOT NULL,
    revision    integer    NOT NULL,
    region_code varchar(2) NOT NULL,
    PRIMARY KEY (release_id, campaign_id),
    FOREIGN KEY (campaign_id, revision) REFERENCES campaign_revision (campaign_id, revision)
);
CREATE INDEX opendata_release_campaign_region_idx ON opendata_release_campaign (region_code, release_id);

-- Checksums of generated files, computed once (the bytes never change).
CREATE TABLE opendata_file (
    release_id bigint NOT NULL REFERENCES opendata_release (id),
    dataset    text   NOT NULL,
    sha256     char(64) NOT NULL,
    bytes      bigint NOT NULL,
    PRIMARY KEY (release_id, dataset)
);
