package org.callscore.scoring;

/** What one row of a score report covers; the group keys are described with {@link ScoreQuery}. */
public enum GroupBy {
    /** One row, key {@code all}. */
    ALL,
    /** One row per queue the call came through; {@code (none)} for calls that came through none. */
    QUEUE,
    /** One row per agent who took the call; {@code (none)} for calls no agent took. */
    AGENT,
    /** One row per survey name. */
    SURVEY,
    /** One row per question id (answer-level: see {@link SurveyScores}). */
    QUESTION,
    /** One row per questionnaire dimension; {@code (none)} for questions without one (answer-level). */
    DIMENSION,
    /** One row per calendar day in the query's zone, key {@code 2026-11-24}. */
    DAY,
    /** One row per ISO week (Monday to Sunday) in the query's zone, key {@code 2026-W48}. */
    WEEK,
    /** One row per calendar month in the query's zone, key {@code 2026-11}. */
    MONTH,
    /** One row per calendar year in the query's zone, key {@code 2026}. */
    YEAR
}
