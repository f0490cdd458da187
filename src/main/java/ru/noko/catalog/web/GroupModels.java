package ru.noko.catalog.web;

import ru.noko.api.model.CodeValue;
import ru.noko.api.model.RespondentGroup;
import ru.noko.api.model.RespondentGroupResult;
import ru.noko.catalog.GroupResult;
import ru.noko.methodology.Score;

import java.util.List;

/**
 * Respondent groups → the generated model, for every result that shows them (an organization's
 * latest result, a campaign's results rows, an organization's history).
 */
public final class GroupModels {

    private GroupModels() {
    }

    /** Null for no groups, so that the property is left out rather than shown empty. */
    public static List<RespondentGroupResult> groups(List<GroupResult> groups) {
        if (groups == null || groups.isEmpty()) {
            return null;
        }
        return groups.stream().map(GroupModels::group).toList();
    }

    private static RespondentGroupResult group(GroupResult group) {
        List<CodeValue> indicators = group.indicators().stream().map(indicator -> {
            CodeValue value = new CodeValue(indicator.code());
            value.setValue(indicator.value());
            value.setRounded(Score.roundedOrNull(indicator.value()));
            value.setZeroRuleApplied(indicator.zeroRuleApplied());
            return value;
        }).toList();
        return new RespondentGroupResult(RespondentGroup.fromValue(group.group()), group.respondents(), indicators);
    }
}
