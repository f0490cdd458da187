package ru.noko.platform.web;

/**
 * How a score is rounded for display ({@code round=2}). Declared here, implemented where the
 * methodology's one rounding rule is known, so the platform never rounds on its own.
 */
public interface ScoreRounding {

    Number rounded(double score);
}
