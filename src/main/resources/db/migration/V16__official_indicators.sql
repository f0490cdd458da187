-- Official indicator values (issue 13 item 1): `indicator_values` are the values to publish — the
-- file's when it gave them, else ours. Beside them our recomputation from raw inputs and, per
-- indicator, how the two compare: 'match' | 'mismatch' (more than 0.01 apart) | 'not_given' (the
-- file gave no value; the value is ours) | 'not_computed' (no raw inputs to recompute it from).
-- Both arrays follow campaign_revision.indicator_codes, as indicator_values does.
ALTER TABLE result
    ADD COLUMN indicator_values_computed double precision[],
    ADD COLUMN indicator_checks          text[];
ALTER TABLE staged_result
    ADD COLUMN indicator_values_computed double precision[],
    ADD COLUMN indicator_checks          text[];
ALTER TABLE staged_result
    ALTER COLUMN indicator_values_computed SET STATISTICS 0,
    ALTER COLUMN indicator_checks SET STATISTICS 0;

-- Revisions published before: raw-inputs and answers revisions published our computation (it is
-- both the value and the recomputation); results revisions had nothing to recompute from. Only the
-- new columns are written: totals, places and values of earlier revisions stay as published.
UPDATE result r SET
    indicator_values_computed = CASE WHEN cr.input_level = 'results' THEN NULL ELSE r.indicator_values END,
    indicator_checks = (SELECT array_agg(CASE WHEN v IS NULL THEN NULL
                                              WHEN cr.input_level = 'results' THEN 'not_computed'
                                              ELSE 'not_given' END ORDER BY o)
                        FROM unnest(r.indicator_values) WITH ORDINALITY AS u (v, o))
FROM campaign_revision cr
WHERE cr.campaign_id = r.campaign_id AND cr.revision = r.revision AND r.indicator_values IS NOT NULL;

-- Each indicator row carries its recomputation and check; columns appended, as a view's may only be.
CREATE OR REPLACE VIEW indicator_value AS
SELECT r.campaign_id, r.revision, r.organization_id, u.code AS indicator_code, u.value,
       coalesce(u.code = ANY (r.zero_rule_indicators), false) AS zero_rule_applied,
       u.value_computed, u.value_check
FROM result r
JOIN campaign_revision cr ON cr.campaign_id = r.campaign_id AND cr.revision = r.revision
CROSS JOIN LATERAL unnest(cr.indicator_codes, r.indicator_values, r.indicator_values_computed, r.indicator_checks)
    AS u (code, value, value_computed, value_check)
WHERE u.code IS NOT NULL
  AND (u.value IS NOT NULL OR coalesce(u.code = ANY (r.zero_rule_indicators), false));
