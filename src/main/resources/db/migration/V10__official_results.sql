-- Official numbers first (METHODOLOGY §4): the operator's published table is the legal record.
-- From now on `total` is the official total when the source gave one (else our mean of the
-- criteria, as before) and `place_region` the official place when the source gave one; our
-- recomputation stays beside them with the outcome of comparing the two.
ALTER TABLE result
    ADD COLUMN total_computed double precision CHECK (total_computed BETWEEN 0 AND 100),
    ADD COLUMN total_check    text CHECK (total_check IN ('match', 'mismatch', 'not_given'));

-- Revisions published before keep the total and places they were published with: open-data
-- files made of them must keep their bytes (their checksums are published). Their total was our
-- mean of the criteria; the official one, when given, is `published_total`. An operator publishes
-- the official values by uploading the table again (a new revision).
UPDATE result SET
    total_computed = total,
    total_check = CASE WHEN published_total IS NULL THEN 'not_given'
                       WHEN abs(published_total - total) > 0.01 + 1e-9 THEN 'mismatch'
                       ELSE 'match' END;

ALTER TABLE result
    ALTER COLUMN total_computed SET NOT NULL,
    ALTER COLUMN total_check SET NOT NULL;

-- Staged rows: `total` is the total to publish, `total_computed` ours, `place_region` the file's place.
ALTER TABLE staged_result
    ADD COLUMN total_computed double precision,
    ADD COLUMN total_check    text,
    ADD COLUMN place_region   integer;
-- Uploads staged before keep being publishable, in the new meaning (their file's place is lost, as it was).
UPDATE staged_result SET
    total_computed = total,
    total = coalesce(published_total, total),
    total_check = CASE WHEN published_total IS NULL THEN 'not_given'
                       WHEN abs(published_total - total) > 0.01 + 1e-9 THEN 'mismatch'
                       ELSE 'match' END
WHERE total IS NOT NULL;
ALTER TABLE staged_result
    ALTER COLUMN total_computed SET STATISTICS 0,
    ALTER COLUMN total_check SET STATISTICS 0,
    ALTER COLUMN place_region SET STATISTICS 0;

-- Open-data structures change with the columns: every release records the structure date it was
-- made with, so the files of earlier releases keep their columns and their bytes.
ALTER TABLE opendata_release ADD COLUMN structure varchar(8) NOT NULL DEFAULT '20261123'
    CHECK (structure ~ '^[0-9]{8}$');
ALTER TABLE opendata_release ALTER COLUMN structure DROP DEFAULT;
