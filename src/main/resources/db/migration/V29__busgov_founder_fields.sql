-- The founder's fields of a campaign's bus.gov.ru export (approving body and person, dates, responsible
-- person), remembered so that the next export need not retype them. The export itself still takes them
-- as parameters: the same parameters give the same archive.
CREATE TABLE busgov_founder (
    campaign_id          bigint PRIMARY KEY REFERENCES campaign (id) ON DELETE CASCADE,
    social_council       text,
    plan_period          integer,
    threshold            double precision,
    approved_by          text,
    approver_last_name   text,
    approver_first_name  text,
    approver_middle_name text,
    approve_date         date,
    plan_date            date,
    responsible_name     text,
    responsible_position text,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    updated_by           text
);
