-- Respondent groups of an answers-level upload (parents; students from 14): the survey indicators
-- computed over each group's questionnaires, beside the combined result of the same revision. Keyed
-- like the result's own values, plus the group; written by the publish that writes the results.
CREATE TABLE result_group (
    campaign_id      bigint  NOT NULL,
    revision         integer NOT NULL,
    organization_id  bigint  NOT NULL,
    respondent_group text    NOT NULL CHECK (respondent_group IN ('parent', 'student')),
    respondents      integer NOT NULL CHECK (respondents > 0),
    PRIMARY KEY (campaign_id, revision, organization_id, respondent_group),
    FOREIGN KEY (campaign_id, revision, organization_id) REFERENCES result (campaign_id, revision, organization_id)
);

CREATE TABLE group_indicator_value (
    campaign_id       bigint           NOT NULL,
    revision          integer          NOT NULL,
    organization_id   bigint           NOT NULL,
    respondent_group  text             NOT NULL,
    indicator_code    text             NOT NULL,
    -- null when the zero-denominator rule excluded the indicator for this group
    value             double precision CHECK (value BETWEEN 0 AND 100),
    zero_rule_applied boolean          NOT NULL DEFAULT false,
    PRIMARY KEY (campaign_id, revision, organization_id, respondent_group, indicator_code),
    FOREIGN KEY (campaign_id, revision, organization_id, respondent_group)
        REFERENCES result_group (campaign_id, revision, organization_id, respondent_group)
);

-- Staged: {"parent": {"respondents": 3, "indicators": {"1.3": {"value": 50.0, "zero": false}, …}}, …};
-- null when the upload named no groups.
ALTER TABLE staged_result ADD COLUMN respondent_groups text;
ALTER TABLE staged_result ALTER COLUMN respondent_groups SET STATISTICS 0;
