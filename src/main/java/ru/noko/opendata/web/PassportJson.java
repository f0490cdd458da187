package ru.noko.opendata.web;

import ru.noko.opendata.Passport;

import ru.noko.api.model.DatasetPassport;
import ru.noko.api.model.DatasetPassportDataInner;
import ru.noko.api.model.DatasetPassportPublisher;
import ru.noko.api.model.DatasetPassportStructureInner;

/** The passport in its JSON form (meta.json). */
final class PassportJson {

    private PassportJson() {
    }

    static DatasetPassport of(Passport p) {
        DatasetPassport json = new DatasetPassport(Passport.STANDARD_VERSION, p.identifier(), p.title(), p.description(),
                p.creator(), p.created(), p.modified(), p.subject(), "csv", p.provenance(), p.valid(),
                new DatasetPassportPublisher(p.publisherName(), p.publisherPhone(), p.publisherMbox()),
                p.data().stream().map(d -> new DatasetPassportDataInner(d.source(), d.created(), d.provenance(), d.valid(),
                        d.structure())).toList(),
                p.structures().stream().map(s -> new DatasetPassportStructureInner(s.source(), s.created())).toList());
        json.setLicense(p.license());
        return json;
    }
}
