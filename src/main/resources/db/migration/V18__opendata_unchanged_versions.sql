-- A release that leaves a national dataset's file as it was makes no new version of that dataset:
-- the release is recorded here against the dataset (decided when the release is made, by comparing
-- the SHA-256 of the would-be file with the dataset's previous version). Releases made before this
-- migration keep the versions they made, so no published file disappears.
CREATE TABLE opendata_release_unchanged (
    release_id bigint NOT NULL REFERENCES opendata_release (id),
    dataset    text   NOT NULL,
    PRIMARY KEY (release_id, dataset)
);
