package ru.noko.campaigns.web;

import ru.noko.platform.web.PublicRead;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import ru.noko.api.RevisionsApi;
import ru.noko.api.model.CampaignStatus;
import ru.noko.api.model.ChangeList;
import ru.noko.api.model.ChangeSummary;
import ru.noko.api.model.InputLevel;
import ru.noko.api.model.OrganizationChange;
import ru.noko.api.model.OrganizationChangeChange;
import ru.noko.api.model.Revision;
import ru.noko.api.model.RevisionList;
import ru.noko.api.model.ValueChange;
import ru.noko.campaigns.Campaign;
import ru.noko.campaigns.CampaignRepository;
import ru.noko.campaigns.revisions.Revisions;
import ru.noko.platform.web.ApiProblemException;
import ru.noko.platform.web.PageLinking;
import ru.noko.platform.web.PageRequest;

/** Public: the revisions of a published (or retracted) campaign and what each one changed. Drafts do not exist here. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@PublicRead
class RevisionsController implements RevisionsApi {

    private final CampaignRepository campaigns;
    private final Revisions revisions;

    RevisionsController(CampaignRepository campaigns, Revisions revisions) {
        this.campaigns = campaigns;
        this.revisions = revisions;
    }

    @Override
    public HttpResponse<RevisionList> listCampaignRevisions(Long id) {
        Campaign campaign = published(id);
        RevisionList list = new RevisionList(campaign.id(), CampaignStatus.fromValue(campaign.status()),
                revisions.list(id).stream().map(r -> {
                    Revision model = new Revision(r.revision(), InputLevel.fromValue(r.level().code()),
                            campaign.publishedRevision() != null && r.revision() == campaign.publishedRevision(),
                            r.organizations());
                    model.setSourceName(r.sourceName());
                    model.setNote(r.note());
                    model.setPublishedAt(r.publishedAt());
                    return model;
                }).toList());
        list.setRetractedAt(campaign.retractedAt());
        list.setRetractionReason(campaign.retractionReason());
        return HttpResponse.ok(list);
    }

    @Override
    public HttpResponse<ChangeList> listCampaignChanges(Long id, Integer revision, Integer from, Integer page, Integer perPage) {
        Campaign campaign = published(id);
        int target = revision != null ? revision : campaign.publishedRevision();
        Revisions.Changes changes = revisions.changes(id, campaign.methodologyCode(), target, from, PageRequest.of(page, perPage))
                .orElseThrow(() -> ApiProblemException.notFound("Campaign " + id + " has no revision "
                        + (revision != null && from != null ? revision + " or " + from : target)));
        Revisions.Summary s = changes.summary();
        ChangeList list = new ChangeList(id, changes.revision(),
                new ChangeSummary(s.added(), s.removed(), s.changed(), s.unchanged()),
                changes.page().rows().stream().map(RevisionsController::change).toList(),
                PageLinking.meta(changes.page()), PageLinking.links(changes.page()));
        list.setFromRevision(changes.fromRevision());
        return PageLinking.withLinkHeader(HttpResponse.ok(list), list.getLinks());
    }

    private Campaign published(long id) {
        Campaign campaign = campaigns.find(id).orElse(null);
        if (campaign == null || Campaign.DRAFT.equals(campaign.status()) || campaign.publishedRevision() == null) {
            throw ApiProblemException.notFound("No published campaign " + id);
        }
        return campaign;
    }

    static OrganizationChange change(Revisions.OrganizationChange c) {
        OrganizationChange model = new OrganizationChange(c.inn(), c.kpp(), c.name(),
                OrganizationChangeChange.fromValue(c.change()));
        model.setOrganizationId(c.organizationId());
        if (!c.fields().isEmpty()) {
            model.setFields(c.fields().stream().map(f -> {
                ValueChange v = new ValueChange(f.field());
                v.setBefore(f.before());
                v.setAfter(f.after());
                return v;
            }).toList());
        }
        return model;
    }
}
