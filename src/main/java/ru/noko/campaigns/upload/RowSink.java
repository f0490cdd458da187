package ru.noko.campaigns.upload;

/** Where checked rows go: the staging table (COPY), or nowhere. */
@FunctionalInterface
public interface RowSink {
    void accept(StagedRow row);
}
