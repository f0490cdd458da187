-- The published rows also name the indicators whose value the zero-denominator rule decided, so
-- that every public reader can say where that choice (not law) was used.
CREATE OR REPLACE VIEW published_result AS
SELECT r.campaign_id, r.revision, c.region_code, c.year, c.title, c.published_at, c.methodology_code, c.demo,
       r.organization_id, r.name, r.type, r.oktmo, r.k1, r.k2, r.k3, r.k4, r.k5, r.total, r.published_total,
       r.place_region, r.place_type, r.place_municipality, r.recipients, r.respondents,
       r.total_computed, r.total_check, r.zero_rule_indicators
FROM published_campaign c
JOIN result r ON r.campaign_id = c.id AND r.revision = c.published_revision;
