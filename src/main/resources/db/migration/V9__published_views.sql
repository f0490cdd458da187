-- What is published, written once. A campaign is public while its status is 'published', and then
-- only its published revision is. Not here: drafts; retracted campaigns (a legal takedown retracts
-- the campaign; published again after one, it is public again, but open data leaves it out for
-- good, which is open data's own rule); the earlier revisions of a published campaign, which only
-- the revision history and the open-data versions that froze them read. Public readers take their
-- campaigns and rows from these views and never test the status or follow published_revision
-- themselves. Plain views: PostgreSQL inlines them into each query, which is then planned like the
-- same joins written out.
CREATE VIEW published_campaign AS
SELECT id, region_code, year, title, types, methodology_code, denominator_variant, zero_rule, operator_name,
       started_on, finished_on, council_protocol, status, published_revision, published_at, retracted_at,
       retraction_reason, demo, created_at
FROM campaign
WHERE status = 'published' AND published_revision IS NOT NULL;

-- Result rows of published campaigns at their published revision, with what public readers show
-- of the campaign. What belongs to a row (its indicator values, raw inputs, the other rows of its
-- revision) is read by the row's key (campaign_id, revision, organization_id).
CREATE VIEW published_result AS
SELECT r.campaign_id, r.revision, c.region_code, c.year, c.title, c.published_at, c.methodology_code, c.demo,
       r.organization_id, r.name, r.type, r.oktmo, r.k1, r.k2, r.k3, r.k4, r.k5, r.total, r.published_total,
       r.place_region, r.place_type, r.place_municipality, r.recipients, r.respondents
FROM published_campaign c
JOIN result r ON r.campaign_id = c.id AND r.revision = c.published_revision;
