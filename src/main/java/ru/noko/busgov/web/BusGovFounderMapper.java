package ru.noko.busgov.web;

import ru.noko.api.model.BusGovFounder;
import ru.noko.api.model.BusGovFounderInput;
import ru.noko.busgov.BusGovFounders;
import ru.noko.busgov.PlanSettings;

import java.util.List;

/** The remembered founder's fields between the API's models and the export's plan settings. */
final class BusGovFounderMapper {

    private BusGovFounderMapper() {
    }

    static PlanSettings plan(BusGovFounderInput input) {
        return new PlanSettings(input.getSocialCouncil(), input.getPlanPeriod(), input.getApprovedBy(),
                input.getApproverLastName(), input.getApproverFirstName(), input.getApproverMiddleName(),
                input.getApproveDate(), input.getPlanDate(), input.getResponsibleName(), input.getResponsiblePosition());
    }

    static BusGovFounder model(long campaignId, BusGovFounders.Saved saved, List<String> missing) {
        BusGovFounderInput fields = new BusGovFounderInput();
        if (saved != null) {
            PlanSettings plan = saved.plan();
            fields.setSocialCouncil(plan.socialCouncil());
            fields.setPlanPeriod(plan.planPeriod());
            fields.setThreshold(saved.threshold());
            fields.setApprovedBy(plan.approvedBy());
            fields.setApproverLastName(plan.approverLastName());
            fields.setApproverFirstName(plan.approverFirstName());
            fields.setApproverMiddleName(plan.approverMiddleName());
            fields.setApproveDate(plan.approveDate());
            fields.setPlanDate(plan.planDate());
            fields.setResponsibleName(plan.responsibleName());
            fields.setResponsiblePosition(plan.responsiblePosition());
        }
        BusGovFounder model = new BusGovFounder(campaignId, fields, missing);
        if (saved != null) {
            model.setUpdatedAt(saved.updatedAt());
            model.setUpdatedBy(saved.updatedBy());
        }
        return model;
    }
}
