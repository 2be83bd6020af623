package io.greenribbon.hotline.contacts;

/** Who answered: the caller's own county, the wider city, the caller's own counsellor, or the backup line. */
public enum AnsweredVia {
    TIER1, TIER2, PREFERRED, BACKUP
}
