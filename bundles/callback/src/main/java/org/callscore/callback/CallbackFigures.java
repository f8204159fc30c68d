package org.callscore.callback;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Callback figures for the reports: how many were requested, reached, given up, and how soon. Definitions are in
 * docs/metrics.md (callbacks).
 */
@ProviderType
public interface CallbackFigures {

    /**
     * @return one row per group that has at least one callback requested in the period, sorted by group key
     * @throws IllegalStateException when the database does not answer or the callback tables are not ready
     */
    List<CallbackFigureRow> figures(CallbackFigureQuery query);
}
