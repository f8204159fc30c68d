package org.callscore.itests.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * CallScore's AMI connection inside Karaf against the real Asterisk 22 of the test PBX (etc/manager.conf: the
 * least-rights user {@code callscore}), through a {@link ManagerLink} the test can cut: an Originate of a Local
 * channel gets its OriginateResponse and, through the event whiteboard, its Hangup; a 30 s cut is noticed by
 * the pings, and once the link is back CallScore logs in again and events come again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AmiIT {

    private static final String SURVEY = String.join("\n", "queues = sales", "intro = beep", "invalid.key = beep",
            "thanks = beep", "question.1.id = overall", "question.1.prompt = beep", "question.1.timeout.seconds = 4",
            "question.1.retries = 1", "");
    /** The test PBX's manager port and its user's secret (itests/asterisk/pbx: CALLSCORE_PBX_AMI_*). */
    private static final int ASTERISK_AMI_PORT = 5038;
    private static final String SECRET = "callscore-test-ami";
    private static final String CHECK = "ami:originate Local/answer@callscore-ami-test callscore-ami-test answer";
    private static final Pattern CONNECTED = Pattern.compile("(?m)^pbx\\s+127\\.0\\.0\\.1:\\d+\\s+connected\\s");
    private static final Pattern DISCONNECTED = Pattern.compile("(?m)^pbx\\s+127\\.0\\.0\\.1:\\d+\\s+DISCONNECTED\\s");

    private TestSite site;
    private ManagerLink link;
    private long logStart;

    @BeforeAll
    void startTheCallCentreAndConnect() throws IOException {
        site = TestSite.start(SURVEY);
        link = new ManagerLink(ASTERISK_AMI_PORT);
        logStart = site.karafLogSize();
        Path etc = site.runtime().resolve("etc");
        // the secret first, owner-only and the Karaf user's, as docs/ami.md tells administrators
        Path secret = etc.resolve("callscore-ami-pbx.secret");
        Files.writeString(secret, SECRET + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Files.setOwner(secret, Files.getOwner(site.runtime()));
        Path temporary = etc.resolve("org.callscore.ami-pbx.cfg.tmp");
        Files.writeString(temporary, String.join("\n", "host = 127.0.0.1", "port = " + link.port(),
                "username = callscore", "secret.file = callscore-ami-pbx.secret", "ping.interval.seconds = 2",
                "read.timeout.seconds = 3", "reconnect.min.seconds = 1", "reconnect.max.seconds = 4", ""),
                StandardCharsets.UTF_8);
        Files.setOwner(temporary, Files.getOwner(site.runtime()));
        Files.move(temporary, etc.resolve("org.callscore.ami-pbx.cfg"), StandardCopyOption.ATOMIC_MOVE);
        TestSite.eventually("CallScore logged in to the test PBX's AMI", Duration.ofSeconds(90),
                () -> CONNECTED.matcher(site.console("ami:status")).find());
    }

    @AfterAll
    void stopTheCallCentre() throws IOException {
        if (link != null) {
            link.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    @Order(1)
    void anOriginatedLocalCallGetsItsOriginateResponseAndItsHangupEventInsideKaraf() {
        String check = site.console(CHECK);

        assertThat(check).contains("answered (ANSWERED)").contains("channel Local/answer@callscore-ami-test-")
                .containsPattern("Hangup Local/answer@callscore-ami-test-\\w+;1: cause 16 \\(Normal Clearing\\)");
        assertThat(site.console("ami:status")).containsPattern("(?m)^pbx\\s.*\\sconnected\\s.*\\s\\d+\\.\\d+\\.\\d+$");
        assertThat(site.console("callscore:status")).contains("ami-pbx");
    }

    @Test
    @Order(2)
    void aThirtySecondCutIsNoticedAndAfterItTheConnectionAndTheEventsComeBack() throws InterruptedException {
        Instant cutAt = Instant.now();
        link.cut();

        TestSite.eventually("the silent connection noticed", Duration.ofSeconds(30),
                () -> DISCONNECTED.matcher(site.console("ami:status")).find());
        Duration left = Duration.ofSeconds(30).minus(Duration.between(cutAt, Instant.now()));
        if (!left.isNegative()) {
            Thread.sleep(left.toMillis());
        }
        link.restore();

        TestSite.eventually("logged in again", Duration.ofSeconds(60),
                () -> CONNECTED.matcher(site.console("ami:status")).find());
        assertThat(site.console("ami:status")).containsPattern("(?m)^pbx\\s.*\\sconnected\\s.*\\s[1-9]\\d*\\s+\\d+\\.\\d+\\.\\d+$");
        assertThat(site.console(CHECK)).contains("answered (ANSWERED)")
                .containsPattern("Hangup Local/answer@callscore-ami-test-\\w+;1: cause 16");
        String log = site.karafLog(logStart);
        assertThat(log).contains("Lost the connection to Asterisk server pbx")
                .contains("no answer to Ping within 3000 ms (a half-open connection)").doesNotContain(SECRET);
    }
}
