package io.greenribbon.counsellors.importing;

/** What an import did: data lines read, and counsellors and credentials created, updated or left as they were. */
public record ImportReport(int lines, Counts counsellors, Counts credentials, long millis) {

    /** The same report with the time from the start of the import to its commit. */
    ImportReport took(long millis) {
        return new ImportReport(lines, counsellors, credentials, millis);
    }

    public record Counts(int created, int updated, int unchanged) {
    }
}
