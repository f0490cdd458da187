-- Open-data files are made once: the bytes of each file (gzip, in chunks of about a megabyte, so that
-- no statement carries a whole national dump) are stored with its checksum, in the transaction that
-- made the version or the edition. Every node keeps a local copy fetched from here once and serves
-- it without the database. chunks is NULL for a file whose checksum was taken before this migration:
-- its bytes are rendered from the frozen release and stored on its first request.
ALTER TABLE opendata_file ADD COLUMN chunks integer CHECK (chunks >= 0);

CREATE TABLE opendata_file_chunk (
    release_id bigint  NOT NULL,
    dataset    text    NOT NULL,
    edition    integer NOT NULL,
    seq        integer NOT NULL CHECK (seq >= 0),
    data       bytea   NOT NULL,
    PRIMARY KEY (release_id, dataset, edition, seq),
    FOREIGN KEY (release_id, dataset, edition) REFERENCES opendata_file (release_id, dataset, edition) ON DELETE CASCADE
);
-- already compressed: no second compression by TOAST
ALTER TABLE opendata_file_chunk ALTER COLUMN data SET STORAGE EXTERNAL;
