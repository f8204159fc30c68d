package org.callscore.agi.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.asteriskjava.fastagi.AgiRequest;
import org.callscore.ivr.BusinessHours;
import org.callscore.ivr.IvrCatalog;
import org.callscore.ivr.IvrVisit;
import org.callscore.ivr.IvrVisits;
import org.callscore.ivr.MenuTree;
import org.callscore.ivr.internal.IvrFile;
import org.junit.jupiter.api.Test;

/** The application around the menu walk: what the dialplan gets, whatever recording the visit does. */
class IvrApplicationTest {

    private static final MenuTree MAIN = IvrFile.parse("main", IvrCallTest.MAIN, Map.of(), ZoneId.of("UTC"));

    private static AgiRequest request() {
        return (AgiRequest) Proxy.newProxyInstance(IvrApplicationTest.class.getClassLoader(),
                new Class<?>[] {AgiRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getUniqueId" -> "1700000000.42";
                    case "getParameter" -> "menu".equals(args[0]) ? "main" : null;
                    case "getChannel" -> "SIP/caller-00000001";
                    default -> null;
                });
    }

    private static IvrCatalog catalog() {
        return new IvrCatalog() {
            @Override
            public Optional<MenuTree> byName(String name) {
                return name.equals("main") ? Optional.of(MAIN) : Optional.empty();
            }

            @Override
            public SortedSet<String> names() {
                return new TreeSet<>(Set.of("main"));
            }

            @Override
            public Map<String, BusinessHours.Calendar> calendars() {
                return Map.of();
            }

            @Override
            public ZoneId zone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Map<String, String> problems() {
                return Map.of();
            }
        };
    }

    /** A slow MariaDB must not delay routing: the destination is set before the visit is recorded. */
    @Test
    void theDestinationIsHandedBackBeforeTheVisitIsRecorded() throws Exception {
        ScriptedChannel script = new ScriptedChannel().duringPrompts("2");
        Map<String, String> seenWhenRecorded = new HashMap<>();
        IvrVisits visits = new IvrVisits() {
            @Override
            public void record(IvrVisit visit) {
                seenWhenRecorded.putAll(script.variables);
            }

            @Override
            public int pending() {
                return 0;
            }
        };

        new IvrApplication(catalog(), visits).service(request(), script.channel());

        assertThat(seenWhenRecorded).containsEntry("IVR_DESTINATION_TYPE", "queue")
                .containsEntry("IVR_DESTINATION", "support").containsEntry("IVR_STATUS", "selected");
    }

    /** A spool that cannot be written is logged: the caller, whose destination is chosen, is not hung up. */
    @Test
    void aVisitThatCannotBeRecordedDoesNotEndTheCall() throws Exception {
        ScriptedChannel script = new ScriptedChannel().duringPrompts("2");
        IvrVisits broken = new IvrVisits() {
            @Override
            public void record(IvrVisit visit) {
                throw new UncheckedIOException(new java.io.IOException("No space left on device"));
            }

            @Override
            public int pending() {
                return 0;
            }
        };

        new IvrApplication(catalog(), broken).service(request(), script.channel());

        assertThat(script.variables).containsEntry("IVR_DESTINATION", "support");
    }
}
