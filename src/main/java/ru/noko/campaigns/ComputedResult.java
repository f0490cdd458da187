package ru.noko.campaigns;

import ru.noko.methodology.Assessment;
import ru.noko.methodology.RawInputs;

/** One organization's raw inputs and the assessment computed from them. */
public record ComputedResult(OrganizationIdentity organization, RawInputs inputs, Assessment assessment) {
}
