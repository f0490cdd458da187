-- Methodologies in time: the 2014 scheme (order № 1547) has four criteria and was published on a
-- points scale (criteria up to 40/70/20/30, total their sum, up to 160) or in percent. The scale is
-- part of the methodology record; ranges are checked against it by the upload, the table only
-- keeps values non-negative. A criterion the methodology does not have (K3, accessibility for
-- the disabled, before 2019) is NULL, never 0.
ALTER TABLE methodology
    ADD COLUMN scale      text    NOT NULL DEFAULT 'percent' CHECK (scale IN ('percent', 'points')),
    ADD COLUMN total_rule text    NOT NULL DEFAULT 'mean' CHECK (total_rule IN ('mean', 'sum')),
    ADD COLUMN first_year integer,
    ADD COLUMN last_year  integer;
UPDATE methodology SET first_year = valid_from_year;
ALTER TABLE methodology ALTER COLUMN first_year SET NOT NULL;

ALTER TABLE criterion
    ADD COLUMN max_score double precision NOT NULL DEFAULT 100 CHECK (max_score > 0);

ALTER TABLE result
    ALTER COLUMN k3 DROP NOT NULL,
    DROP CONSTRAINT result_k1_check,
    DROP CONSTRAINT result_k2_check,
    DROP CONSTRAINT result_k3_check,
    DROP CONSTRAINT result_k4_check,
    DROP CONSTRAINT result_k5_check,
    DROP CONSTRAINT result_total_check,
    DROP CONSTRAINT result_published_total_check,
    DROP CONSTRAINT result_total_computed_check,
    ADD CONSTRAINT result_k1_check CHECK (k1 >= 0),
    ADD CONSTRAINT result_k2_check CHECK (k2 >= 0),
    ADD CONSTRAINT result_k3_check CHECK (k3 >= 0),
    ADD CONSTRAINT result_k4_check CHECK (k4 >= 0),
    ADD CONSTRAINT result_k5_check CHECK (k5 >= 0),
    ADD CONSTRAINT result_total_check CHECK (total >= 0),
    ADD CONSTRAINT result_published_total_check CHECK (published_total >= 0),
    ADD CONSTRAINT result_total_computed_check CHECK (total_computed >= 0);
