-- Operators publish campaigns: tokens, audit log, import jobs, staging, compact revision storage.

-- API tokens: only the SHA-256 of the secret is kept. An operator token is scoped to its regions,
-- an admin token to all.
CREATE TABLE api_token (
    id           bigserial   PRIMARY KEY,
    name         text        NOT NULL,
    role         text        NOT NULL CHECK (role IN ('admin', 'operator')),
    regions      text[]      NOT NULL DEFAULT '{}',
    token_hash   bytea       NOT NULL CHECK (length(token_hash) = 32),
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   text,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

-- Every admin action: who (token), what, when, on what.
CREATE TABLE audit_log (
    id       bigserial   PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    actor    text        NOT NULL,
    token_id bigint,
    action   text        NOT NULL,
    target   text,
    details  jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_target_idx ON audit_log (target, id);

-- One upload: parsed, validated, computed and staged by a job. The latest upload of a campaign
-- (not a dry run, not an expert checklist) is what publishing publishes.
CREATE TABLE import_job (
    id                 bigserial   PRIMARY KEY,
    campaign_id        bigint      NOT NULL REFERENCES campaign (id),
    status             text        NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    input_level        text        CHECK (input_level IN ('results', 'raw_inputs', 'answers', 'expert')),
    dry_run            boolean     NOT NULL DEFAULT false,
    source_name        text,
    format             text,
    encoding           text,
    bom                boolean,
    delimiter          text,
    decimal_separator  text,
    level_detected     boolean,
    column_headers     text[],
    column_fields      text[],
    bytes              bigint,
    rows_total         integer,
    rows_processed     integer     NOT NULL DEFAULT 0,
    organizations      integer     NOT NULL DEFAULT 0,
    errors_count       integer     NOT NULL DEFAULT 0,
    warnings_count     integer     NOT NULL DEFAULT 0,
    failure            text,
    published_revision integer,
    created_by         text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    started_at         timestamptz,
    finished_at        timestamptz
);
CREATE INDEX import_job_campaign_idx ON import_job (campaign_id, id);

-- The validation report of a job: every error and warning with its row, column and value.
CREATE TABLE import_problem (
    job_id      bigint  NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    position    integer NOT NULL,
    severity    text    NOT NULL CHECK (severity IN ('error', 'warning')),
    row_number  integer,
    column_name text,
    value       text,
    code        text    NOT NULL,
    message     text    NOT NULL,
    PRIMARY KEY (job_id, position)
);

-- Validated, computed rows of an upload waiting to be published, bulk-loaded with COPY. Unlogged
-- (no WAL): it is a cache of the upload, never published data. Publishing checks that the job's
-- rows are all there (a PostgreSQL crash empties unlogged tables) and asks for a new upload if not.
-- No index: it holds a few uploads at a time and is read whole, job by job.
CREATE UNLOGGED TABLE staged_result (
    job_id               bigint  NOT NULL,
    line                 integer NOT NULL,
    inn                  text    NOT NULL,
    kpp                  text    NOT NULL,
    ogrn                 text,
    bus_reg_num          text,
    name                 text,
    short_name           text,
    type                 text,
    oktmo                text,
    municipality         text,
    address              text,
    website              text,
    search_name          text,
    k1                   double precision,
    k2                   double precision,
    k3                   double precision,
    k4                   double precision,
    k5                   double precision,
    total                double precision,
    published_total      double precision,
    recipients           integer,
    respondents          integer,
    indicator_values     double precision[],
    zero_rule_indicators text[],
    raw_values           bigint[]
);

-- Compact revisions: indicator values and raw inputs become arrays on the result row, named by
-- arrays on the revision. 45 000 organizations × 14 indicators as rows cost more to write than
-- the whole rest of a publish; indicator_value and raw_input stay readable as views.
ALTER TABLE campaign_revision
    ADD COLUMN job_id          bigint,
    ADD COLUMN organizations   integer,
    ADD COLUMN indicator_codes text[],
    ADD COLUMN raw_input_names text[];

ALTER TABLE result
    ADD COLUMN indicator_values     double precision[],
    ADD COLUMN zero_rule_indicators text[],
    ADD COLUMN raw_values           bigint[];

-- Existing revisions (databases created before this migration) keep their values.
UPDATE campaign_revision cr SET
    indicator_codes = (SELECT array_agg(i.code ORDER BY c.position, i.position)
                       FROM campaign ca
                       JOIN indicator i ON i.methodology_code = ca.methodology_code
                       JOIN criterion c ON c.methodology_code = i.methodology_code AND c.code = i.criterion_code
                       WHERE ca.id = cr.campaign_id),
    raw_input_names = (SELECT array_agg(DISTINCT k ORDER BY k)
                       FROM raw_input ri, jsonb_object_keys(ri.inputs) k
                       WHERE ri.campaign_id = cr.campaign_id AND ri.revision = cr.revision),
    organizations = (SELECT count(*) FROM result r WHERE r.campaign_id = cr.campaign_id AND r.revision = cr.revision);

UPDATE result r SET
    indicator_values = (SELECT array_agg(iv.value ORDER BY u.ord)
                        FROM campaign_revision cr
                        CROSS JOIN LATERAL unnest(cr.indicator_codes) WITH ORDINALITY AS u (code, ord)
                        LEFT JOIN indicator_value iv ON iv.campaign_id = r.campaign_id AND iv.revision = r.revision
                             AND iv.organization_id = r.organization_id AND iv.indicator_code = u.code
                        WHERE cr.campaign_id = r.campaign_id AND cr.revision = r.revision),
    zero_rule_indicators = (SELECT coalesce(array_agg(iv.indicator_code), '{}')
                            FROM indicator_value iv
                            WHERE iv.campaign_id = r.campaign_id AND iv.revision = r.revision
                              AND iv.organization_id = r.organization_id AND iv.zero_rule_applied),
    raw_values = (SELECT array_agg((ri.inputs ->> u.name)::bigint ORDER BY u.ord)
                  FROM campaign_revision cr
                  JOIN raw_input ri ON ri.campaign_id = cr.campaign_id AND ri.revision = cr.revision
                  CROSS JOIN LATERAL unnest(cr.raw_input_names) WITH ORDINALITY AS u (name, ord)
                  WHERE cr.campaign_id = r.campaign_id AND cr.revision = r.revision
                    AND ri.organization_id = r.organization_id);

DROP TABLE raw_input;
DROP TABLE indicator_value;

CREATE VIEW indicator_value AS
SELECT r.campaign_id, r.revision, r.organization_id, u.code AS indicator_code, u.value,
       coalesce(u.code = ANY (r.zero_rule_indicators), false) AS zero_rule_applied
FROM result r
JOIN campaign_revision cr ON cr.campaign_id = r.campaign_id AND cr.revision = r.revision
CROSS JOIN LATERAL unnest(cr.indicator_codes, r.indicator_values) AS u (code, value)
WHERE u.code IS NOT NULL
  AND (u.value IS NOT NULL OR coalesce(u.code = ANY (r.zero_rule_indicators), false));

CREATE VIEW raw_input AS
SELECT r.campaign_id, r.revision, r.organization_id,
       (SELECT jsonb_object_agg(u.name, u.value)
        FROM unnest(cr.raw_input_names, r.raw_values) AS u (name, value)
        WHERE u.name IS NOT NULL AND u.value IS NOT NULL) AS inputs
FROM result r
JOIN campaign_revision cr ON cr.campaign_id = r.campaign_id AND cr.revision = r.revision
WHERE r.raw_values IS NOT NULL;
