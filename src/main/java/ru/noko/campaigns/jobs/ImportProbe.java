package ru.noko.campaigns.jobs;

import ru.noko.campaigns.upload.UploadTable;

/**
 * A seam for tests of the jobs package: sees (and may disturb) what an import job reads. The
 * service runs with {@link #NONE}; see {@link Uploads#probe(ImportProbe)}.
 */
interface ImportProbe {

    ImportProbe NONE = new ImportProbe() {
    };

    /** The file's rows as they are read (a CSV file is read on the job's reader thread). */
    default UploadTable source(long jobId, UploadTable table) {
        return table;
    }

    /** On the job's worker thread before each batch of rows, {@code rows} having been read so far. */
    default void batch(long jobId, int rows) {
    }
}
