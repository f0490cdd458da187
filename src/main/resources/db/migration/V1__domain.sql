-- Reference data -----------------------------------------------------------------------------------

-- A subject of the federation. Two numberings exist: the subject code used in ИНН, car plates and
-- ФИАС (our key), and the ОКАТО/ОКТМО prefix (first two digits of every ОКТМО of the subject).
-- The prefix is not unique: autonomous okrugs share it with their oblast (НАО 11, ХМАО and ЯНАО 71).
CREATE TABLE region (
    code             varchar(2)  PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
    okato_code       varchar(2)  NOT NULL CHECK (okato_code ~ '^[0-9]{2}$'),
    name             text        NOT NULL,
    federal_district text,
    demo             boolean     NOT NULL DEFAULT false
);

CREATE TABLE municipality (
    oktmo       varchar(11) PRIMARY KEY CHECK (oktmo ~ '^([0-9]{8}|[0-9]{11})$'),
    region_code varchar(2)  NOT NULL REFERENCES region (code),
    name        text        NOT NULL,
    kind        text
);
CREATE INDEX municipality_region_idx ON municipality (region_code, name);

-- An educational organization, keyed by (ИНН, КПП): branches share the parent's ИНН.
CREATE TABLE organization (
    id          bigserial   PRIMARY KEY,
    inn         varchar(10) NOT NULL CHECK (inn ~ '^[0-9]{10}$'),
    kpp         varchar(9)  NOT NULL CHECK (kpp ~ '^[0-9]{4}[0-9A-Z]{2}[0-9]{3}$'),
    ogrn        varchar(13) CHECK (ogrn ~ '^[0-9]{13}$'),
    bus_reg_num varchar(13),
    name        text        NOT NULL,
    short_name  text,
    type        text        NOT NULL CHECK (type IN ('preschool', 'school', 'vocational', 'additional', 'higher')),
    region_code varchar(2)  NOT NULL REFERENCES region (code),
    oktmo       varchar(11) REFERENCES municipality (oktmo),
    address     text,
    website     text,
    -- lower-cased name with ё folded to е, for case- and ё-insensitive search
    search_name text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT organization_key UNIQUE (inn, kpp)
);
CREATE INDEX organization_region_type_idx ON organization (region_code, type, id);
CREATE INDEX organization_oktmo_idx ON organization (oktmo);

-- Methodology catalogue (mirrors data-seeds/methodology, refreshed on start) ---------------------

CREATE TABLE methodology (
    code            text PRIMARY KEY,
    title           text    NOT NULL,
    legal_basis     text,
    valid_from_year integer NOT NULL,
    description     text
);

CREATE TABLE criterion (
    methodology_code text    NOT NULL REFERENCES methodology (code),
    code             text    NOT NULL,
    field            text    NOT NULL,
    position         integer NOT NULL,
    name_ru          text    NOT NULL,
    name_en          text,
    PRIMARY KEY (methodology_code, code)
);

CREATE TABLE indicator (
    methodology_code text             NOT NULL,
    code             text             NOT NULL,
    criterion_code   text             NOT NULL,
    field            text             NOT NULL,
    position         integer          NOT NULL,
    weight           double precision NOT NULL CHECK (weight > 0 AND weight <= 1),
    source           text             NOT NULL CHECK (source IN ('expert', 'survey')),
    name_ru          text             NOT NULL,
    name_en          text,
    PRIMARY KEY (methodology_code, code),
    FOREIGN KEY (methodology_code, criterion_code) REFERENCES criterion (methodology_code, code)
);

-- Campaigns: one assessment cycle of one region (optionally limited to some organization types) ---

CREATE TABLE campaign (
    id                   bigserial   PRIMARY KEY,
    region_code          varchar(2)  NOT NULL REFERENCES region (code),
    year                 integer     NOT NULL CHECK (year BETWEEN 2014 AND 2100),
    title                text        NOT NULL,
    types                text[]      NOT NULL DEFAULT '{}',
    methodology_code     text        NOT NULL REFERENCES methodology (code),
    denominator_variant  text        NOT NULL CHECK (denominator_variant IN ('per_question', 'all_respondents')),
    zero_rule            text        NOT NULL CHECK (zero_rule IN ('zero', 'full_score', 'exclude')),
    operator_name        text,
    started_on           date,
    finished_on          date,
    council_protocol     text,
    status               text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'retracted')),
    published_revision   integer,
    published_at         timestamptz,
    retracted_at         timestamptz,
    retraction_reason    text,
    demo                 boolean     NOT NULL DEFAULT false,
    created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaign_region_year_idx ON campaign (region_code, year);

-- Every upload that is published becomes an immutable revision; results hang off revisions.
CREATE TABLE campaign_revision (
    campaign_id   bigint      NOT NULL REFERENCES campaign (id),
    revision      integer     NOT NULL CHECK (revision > 0),
    input_level   text        NOT NULL CHECK (input_level IN ('results', 'raw_inputs', 'answers')),
    source_name   text,
    note          text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz,
    PRIMARY KEY (campaign_id, revision)
);

-- Per-organization result of one revision: criteria, total, places, survey size. Values unrounded.
CREATE TABLE result (
    campaign_id        bigint           NOT NULL,
    revision           integer          NOT NULL,
    organization_id    bigint           NOT NULL REFERENCES organization (id),
    -- identity as it stood in the source file, so a revision is reproducible after catalogue edits
    name               text             NOT NULL,
    type               text             NOT NULL,
    oktmo              varchar(11),
    k1                 double precision NOT NULL CHECK (k1 BETWEEN 0 AND 100),
    k2                 double precision NOT NULL CHECK (k2 BETWEEN 0 AND 100),
    k3                 double precision NOT NULL CHECK (k3 BETWEEN 0 AND 100),
    k4                 double precision NOT NULL CHECK (k4 BETWEEN 0 AND 100),
    k5                 double precision NOT NULL CHECK (k5 BETWEEN 0 AND 100),
    total              double precision NOT NULL CHECK (total BETWEEN 0 AND 100),
    -- the total as the operator published it, when the source gave one
    published_total    double precision CHECK (published_total BETWEEN 0 AND 100),
    place_region       integer,
    place_type         integer,
    place_municipality integer,
    recipients         integer CHECK (recipients >= 0),
    respondents        integer CHECK (respondents >= 0),
    PRIMARY KEY (campaign_id, revision, organization_id),
    FOREIGN KEY (campaign_id, revision) REFERENCES campaign_revision (campaign_id, revision)
);
CREATE INDEX result_organization_idx ON result (organization_id);

CREATE TABLE indicator_value (
    campaign_id     bigint           NOT NULL,
    revision        integer          NOT NULL,
    organization_id bigint           NOT NULL,
    indicator_code  text             NOT NULL,
    value           double precision CHECK (value BETWEEN 0 AND 100),
    -- true when a zero denominator was met and the campaign's zero rule decided the value
    zero_rule_applied boolean        NOT NULL DEFAULT false,
    PRIMARY KEY (campaign_id, revision, organization_id, indicator_code),
    FOREIGN KEY (campaign_id, revision, organization_id) REFERENCES result (campaign_id, revision, organization_id)
);

-- Raw inputs (expert checklist + survey counts) as received, canonical names → integer counts.
CREATE TABLE raw_input (
    campaign_id     bigint  NOT NULL,
    revision        integer NOT NULL,
    organization_id bigint  NOT NULL,
    inputs          jsonb   NOT NULL,
    PRIMARY KEY (campaign_id, revision, organization_id),
    FOREIGN KEY (campaign_id, revision, organization_id) REFERENCES result (campaign_id, revision, organization_id)
);

-- One row, bumped whenever published data changes; ETags and caches derive from it.
CREATE TABLE data_version (
    id         integer     PRIMARY KEY CHECK (id = 1),
    version    bigint      NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO data_version (id, version) VALUES (1, 1);
