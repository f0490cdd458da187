package ru.noko.campaigns.upload;

/**
 * The file cannot be read as a table at all (broken JSON or CSV syntax, not an array of objects):
 * the one exception an {@link UploadTable} throws. Its message, in Russian, says where and why.
 */
public class UnreadableUpload extends RuntimeException {

    public UnreadableUpload(String message) {
        super(message);
    }
}
