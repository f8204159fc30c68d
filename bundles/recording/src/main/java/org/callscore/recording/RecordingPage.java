package org.callscore.recording;

import java.util.List;

/**
 * @param recordings the matches of this page, newest first
 * @param more       whether there are matches after this page
 */
public record RecordingPage(List<Recording> recordings, boolean more) {

    public RecordingPage {
        recordings = List.copyOf(recordings);
    }
}
