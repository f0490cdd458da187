-- Facts of a campaign from the law and the region: the regional order that ordered it, the survey
-- period, the deadline for placing the results on bus.gov.ru. All optional; the public council's
-- protocol is council_protocol (V1).
ALTER TABLE campaign
    ADD COLUMN regional_order_number text CHECK (char_length(regional_order_number) BETWEEN 1 AND 100),
    ADD COLUMN regional_order_date   date,
    ADD COLUMN survey_started_on     date,
    ADD COLUMN survey_finished_on    date,
    ADD COLUMN bus_gov_deadline      date,
    ADD CONSTRAINT campaign_survey_period_ordered CHECK (survey_finished_on >= survey_started_on),
    ADD CONSTRAINT campaign_order_before_survey CHECK (regional_order_date <= survey_started_on),
    ADD CONSTRAINT campaign_deadline_after_survey CHECK (bus_gov_deadline >= survey_finished_on);

-- Public readers see the facts through the view; the new columns come last, as a view's columns
-- may only be appended to.
CREATE OR REPLACE VIEW published_campaign AS
SELECT id, region_code, year, title, types, methodology_code, denominator_variant, zero_rule, operator_name,
       started_on, finished_on, council_protocol, status, published_revision, published_at, retracted_at,
       retraction_reason, demo, created_at,
       regional_order_number, regional_order_date, survey_started_on, survey_finished_on, bus_gov_deadline
FROM campaign
WHERE status = 'published' AND published_revision IS NOT NULL;
