package ru.noko.platform.xlsx;

/** What a column holds, and so how a spreadsheet cell keeps it. */
public enum CellKind {
    /** Codes that look like numbers but are not (ИНН, КПП, ОКТМО, region codes): text, leading zeros kept. */
    IDENTIFIER,
    TEXT,
    /** A score: the stored value in full, shown with two decimals. */
    SCORE,
    INTEGER,
    /** Any other number (a weight): stored as it is, in the general format. */
    NUMBER,
    DATE
}
