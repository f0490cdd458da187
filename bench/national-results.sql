-- Synthetic national-scale published data for benchmarks: :orgs organizations in every real
-- region, each assessed in :years campaigns (one per region and year), with 14 indicator values.
-- Values are pseudo-random but deterministic (hash of ids); nothing here is real. Run it on a
-- database the service has started on (the methodology catalogue and regions are its own).
\set ON_ERROR_STOP on
BEGIN;

INSERT INTO organization (inn, kpp, name, type, region_code, search_name)
SELECT lpad(g::text, 10, '0'), '000101001', 'Школа № ' || g || ' «Синтетическая»', 'school',
       (SELECT code FROM region WHERE NOT demo ORDER BY code OFFSET (g % 89) LIMIT 1), 'школа ' || g
FROM generate_series(1, :orgs) g;

INSERT INTO campaign (region_code, year, title, methodology_code, denominator_variant, zero_rule, status, published_revision, published_at)
SELECT r.code, y, 'Синтетическая кампания ' || r.code || ' ' || y, 'edu-2019', 'per_question', 'exclude', 'published', 1, now()
FROM region r CROSS JOIN generate_series(2025 - 3 * (:years - 1), 2025, 3) y WHERE NOT r.demo;

INSERT INTO campaign_revision (campaign_id, revision, input_level, published_at)
SELECT id, 1, 'raw_inputs', now() FROM campaign WHERE title LIKE 'Синтетическая%';

INSERT INTO result (campaign_id, revision, organization_id, name, type, oktmo, k1, k2, k3, k4, k5, total,
                    total_computed, total_check, place_region, place_type, place_municipality, respondents)
SELECT c.id, 1, o.id, o.name, o.type, NULL,
       60 + (abs(hashtext(o.id || 'k1' || c.year)) % 4000) / 100.0,
       60 + (abs(hashtext(o.id || 'k2' || c.year)) % 4000) / 100.0,
       40 + (abs(hashtext(o.id || 'k3' || c.year)) % 6000) / 100.0,
       60 + (abs(hashtext(o.id || 'k4' || c.year)) % 4000) / 100.0,
       60 + (abs(hashtext(o.id || 'k5' || c.year)) % 4000) / 100.0,
       70, 70, 'not_given', 1, 1, NULL, 100 + abs(hashtext(o.id || 'r')) % 500
FROM organization o JOIN campaign c ON c.region_code = o.region_code AND c.title LIKE 'Синтетическая%';

UPDATE result SET total = (k1 + k2 + k3 + k4 + k5) / 5, total_computed = (k1 + k2 + k3 + k4 + k5) / 5 WHERE campaign_id IN (SELECT id FROM campaign WHERE title LIKE 'Синтетическая%');

-- Indicator values live in arrays beside each result, in the order of the revision's indicator codes
-- (the indicator_value view unnests them).
UPDATE campaign_revision SET indicator_codes = '{1.1,1.2,1.3,2.1,2.3,3.1,3.2,3.3,4.1,4.2,4.3,5.1,5.2,5.3}'::text[]
WHERE campaign_id IN (SELECT id FROM campaign WHERE title LIKE 'Синтетическая%');

UPDATE result r SET
    indicator_values = v.vals, indicator_values_computed = v.vals,
    indicator_checks = array_fill('not_given'::text, ARRAY[14]), zero_rule_indicators = '{}'
FROM (SELECT r2.campaign_id, r2.organization_id,
             array_agg(50 + (abs(hashtext(r2.organization_id || u.code || r2.campaign_id)) % 5000) / 100.0 ORDER BY u.ord) AS vals
      FROM result r2
      CROSS JOIN unnest('{1.1,1.2,1.3,2.1,2.3,3.1,3.2,3.3,4.1,4.2,4.3,5.1,5.2,5.3}'::text[]) WITH ORDINALITY AS u (code, ord)
      WHERE r2.campaign_id IN (SELECT id FROM campaign WHERE title LIKE 'Синтетическая%')
      GROUP BY r2.campaign_id, r2.organization_id) v
WHERE r.campaign_id = v.campaign_id AND r.revision = 1 AND r.organization_id = v.organization_id;

INSERT INTO opendata_release (version, created_at, provenance, structure) VALUES (to_char(now() AT TIME ZONE 'UTC', 'YYYYMMDD"T"HH24MISS'), now(), 'bench', '20261207');
INSERT INTO opendata_release_campaign (release_id, campaign_id, revision, region_code)
SELECT (SELECT max(id) FROM opendata_release), id, 1, region_code FROM campaign WHERE status = 'published';
COMMIT;
-- at rest, as after autovacuum: visibility map set (index-only scans), statistics fresh
VACUUM ANALYZE;
