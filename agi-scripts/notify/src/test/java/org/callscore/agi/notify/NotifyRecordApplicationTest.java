package org.callscore.agi.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Duration;

import org.callscore.testing.asterisk.ServedCall;
import org.callscore.testing.asterisk.ServedCall.Played;
import org.junit.jupiter.api.Test;

/** Recording a campaign's message by phone, served over FastAGI to the scripted Asterisk. */
class NotifyRecordApplicationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static NotifyRecordApplication.Config config(String folder, int takes) {
        return new NotifyRecordApplication.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return NotifyRecordApplication.Config.class;
            }

            @Override
            public String recorded_folder() {
                return folder;
            }

            @Override
            public int max_seconds() {
                return 120;
            }

            @Override
            public int silence_seconds() {
                return 4;
            }

            @Override
            public int takes() {
                return takes;
            }
        };
    }

    private static final NotifyRecordApplication APPLICATION =
            new NotifyRecordApplication(config("callscore/notify", 3));

    @Test
    void aTakeKeptWithKeyOneIsTheCampaignsRecordedMessage() throws Exception {
        Played call = ServedCall.play(APPLICATION, caller -> caller.script("notify-record?message=water-outage")
                .playbackKeys("", "1"));

        assertThat(call.thrown()).isEmpty();
        assertThat(call.commands()).containsSubsequence("ANSWER",
                "RECORD FILE \"callscore/notify/water-outage\" \"wav\" \"#\" 120000 0 BEEP s=4",
                "STREAM FILE \"callscore/notify/water-outage\" \"123\"",
                "STREAM FILE \"vm-review\" \"123\"",
                "STREAM FILE \"vm-msgsaved\" \"\"");
        assertThat(call.variable("CALLSCORE_NOTIFY_RECORD")).isEqualTo("KEPT");
        assertThat(call.variable("CALLSCORE_NOTIFY_RECORD_MESSAGE")).isEqualTo("recorded:water-outage");
    }

    @Test
    void keyThreeRecordsAgainAndKeyTwoPlaysTheTakeAgain() throws Exception {
        Played call = ServedCall.play(APPLICATION, caller -> caller.script("notify-record?message=closing")
                .playbackKeys("3", "2", "1"));

        assertThat(call.commands().stream().filter(c -> c.startsWith("RECORD FILE"))).hasSize(2);
        assertThat(call.commands().stream().filter(c -> c.startsWith("STREAM FILE \"callscore/notify/closing\"")))
                .as("each take played back, the second twice").hasSize(3);
        assertThat(call.variable("CALLSCORE_NOTIFY_RECORD")).isEqualTo("KEPT");
    }

    @Test
    void aCallerWhoNeverKeysKeepsNothingAfterThreeQuestions() throws Exception {
        Played call = ServedCall.play(APPLICATION, caller -> caller.script("notify-record?message=closing"));

        assertThat(call.thrown()).isEmpty();
        assertThat(call.commands().stream().filter(c -> c.startsWith("RECORD FILE"))).hasSize(1);
        assertThat(call.commands().stream().filter(c -> c.startsWith("STREAM FILE \"vm-review\""))).hasSize(3);
        assertThat(call.variable("CALLSCORE_NOTIFY_RECORD")).isEqualTo("NOT_KEPT");
        assertThat(call.variable("CALLSCORE_NOTIFY_RECORD_MESSAGE")).isNull();
    }

    @Test
    void aCallerWhoHangsUpWhileRecordingKeepsNothing() throws Exception {
        Played call = ServedCall.play(APPLICATION, caller -> caller.script("notify-record?message=closing"),
                asterisk -> {
                    asterisk.respondUntil(command -> command.startsWith("RECORD FILE"), TIMEOUT);
                    asterisk.hangup();
                    return asterisk.runToEnd(TIMEOUT);
                });

        assertThat(call.variable("CALLSCORE_NOTIFY_RECORD")).isEqualTo("NOT_KEPT");
        assertThat(call.commands()).noneMatch(c -> c.contains("vm-msgsaved"));
    }

    @Test
    void aMessageNameOutsideTheFolderIsRefused() throws Exception {
        for (String name : new String[] {"../../etc/passwd", "a/b", "", "with space"}) {
            Played call = ServedCall.play(APPLICATION, caller -> caller.script("notify-record?message=" + name));
            assertThat(call.thrown()).as(name).hasValueSatisfying(e -> assertThat(e.getMessage())
                    .contains("notify-record needs message=NAME"));
            assertThat(call.commands()).as(name).noneMatch(c -> c.startsWith("RECORD FILE"));
        }
        assertThatThrownBy(() -> new NotifyRecordApplication(config("/etc", 3)))
                .hasMessageContaining("recorded.folder");
    }
}
