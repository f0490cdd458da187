package ru.noko.busgov;

/** The campaign cannot be exported; {@link Reason} says why (the HTTP layer maps it to 404 or 409). */
public class BusGovExportException extends RuntimeException {

    public enum Reason {
        /** No campaign with this id. */
        NOT_FOUND,
        /** A draft: nothing has been published yet. */
        NOT_PUBLISHED,
        /** The campaign was retracted; its results must not be placed anywhere. */
        RETRACTED,
        /** Its methodology is not the five-criteria one bus.gov.ru's exchange format carries. */
        UNSUPPORTED_METHODOLOGY
    }

    private final Reason reason;

    BusGovExportException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
