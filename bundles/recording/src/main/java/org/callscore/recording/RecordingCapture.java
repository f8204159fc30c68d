package org.callscore.recording;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the dialplan tells CallScore about the recordings Asterisk makes (the {@code recording} AGI application).
 * File names are CallScore's: made of the server, the day, the kind and the channel's uniqueid, never of caller data.
 */
@ProviderType
public interface RecordingCapture {

    /**
     * A recording is about to start on a channel: chooses its file and indexes it as {@link RecordingState#RECORDING}.
     * The file is chosen even when the database does not answer, so that the folder scan indexes it later.
     *
     * @param server          the Asterisk server (letters, digits, {@code .}, {@code _}, {@code -})
     * @param channelUniqueId the uniqueid of the channel MixMonitor runs on
     * @param linkedId        the call's linkedid
     * @param kind            what is recorded
     * @param format          the file's format, e.g. {@code wav}
     * @return the file as Asterisk must write it (its folder as Asterisk sees it), with the index's id if it was indexed
     * @throws RecordingRefusedException when nothing may be recorded now (the folder short of free space, a bad argument)
     */
    StartedRecording started(String server, String channelUniqueId, Optional<String> linkedId, RecordingKind kind,
            String format);

    /** The recording of that channel stopped (the channel hung up or MixMonitor was stopped). */
    void stopped(String server, String channelUniqueId, RecordingKind kind);

    /**
     * The call's caller took a survey: ties that response and its scores to the call's recordings, and indexes its
     * voice comment, if the caller left one, as a {@link RecordingKind#VOICE_COMMENT}.
     *
     * @param commentFile the voice comment's file name in the recordings folder, if the survey recorded one
     */
    void surveyed(String server, String channelUniqueId, Optional<String> linkedId, String surveyResponse,
            OptionalDouble meanScore, boolean complaint, Optional<String> commentFile);

    /**
     * A caller's voicemail on that channel ended (Record() returned, or the caller hung up during it). A file that
     * holds a message (sound a caller made, at least the index's minimum) is kept and indexed as a
     * {@link RecordingKind#VOICEMAIL}; one without (missing, a bare header, silence, too short) is deleted and
     * leaves no entry. Since 1.2.
     *
     * @param file the file {@link #started} chose for it, as Asterisk writes it
     * @return the message, empty when the caller left none
     * @throws RecordingRefusedException when {@code file} is not the file CallScore chose for that channel's voicemail
     */
    Optional<LeftMessage> messageLeft(String server, String channelUniqueId, Optional<String> linkedId, String file);

    /**
     * @param path   the file as Asterisk writes and plays it (absolute, with its extension)
     * @param id     the index's id, empty when the database did not answer (the folder scan indexes it later)
     * @param length how long the message lasts
     */
    record LeftMessage(String path, Optional<Long> id, Duration length) {
        public LeftMessage {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(length, "length");
        }
    }

    /**
     * @param path the file as Asterisk writes it (absolute, with its extension)
     * @param id   the index's id, empty when the database did not answer (the folder scan indexes it later)
     */
    record StartedRecording(String path, Optional<Long> id) {
    }
}
