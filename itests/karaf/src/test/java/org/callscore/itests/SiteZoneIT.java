package org.callscore.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Dictionary;
import java.util.Hashtable;

import javax.inject.Inject;

import org.callscore.site.SiteZone;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.OptionUtils;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * One site time zone: the IVR, the reports, the survey scores and their commands cut "today" in the zone of
 * etc/org.callscore.site.cfg, follow a change of it while running, and keep it when the change is no zone.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SiteZoneIT extends CallScoreTestSupport {

    /** UTC+14: its date differs from UTC's and the machine's for ten hours a day. */
    private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");
    /** UTC+5:45. */
    private static final ZoneId KATHMANDU = ZoneId.of("Asia/Kathmandu");

    @Inject
    private ConfigurationAdmin configurations;

    @Configuration
    public Option[] configuration() {
        return OptionUtils.combine(super.configuration(), siteZone(KIRITIMATI.getId()));
    }

    @Test
    public void everyModuleAndCommandCutsTodayInTheSiteZoneAndFollowsAChange() throws Exception {
        eventually("the IVR, the reports and the scores up", () -> database().isReady("reports")
                && database().isReady("survey") && server().applications().contains("ivr"));
        assertEverywhere(KIRITIMATI);

        setZone(KATHMANDU.getId());
        eventually("the IVR (next menu check) and the reports (next ingestion) in the new zone",
                () -> shell("ivr:list").contains("Time zone " + KATHMANDU.getId())
                        && shell("report:service").contains("(excluded), " + KATHMANDU.getId()));
        assertEverywhere(KATHMANDU);

        long log = logSize();
        setZone("Europe/Atlantis");
        eventually("the invalid zone reported", () -> logSince(log).contains("zone 'Europe/Atlantis' in "
                + "etc/org.callscore.site.cfg is not a time zone"));
        assertEquals(KATHMANDU, service(SiteZone.class).get().zone());
        assertEverywhere(KATHMANDU);
    }

    private void setZone(String zone) throws Exception {
        org.osgi.service.cm.Configuration site = configurations.getConfiguration(SiteZone.PID, null);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("zone", zone);
        site.update(properties);
    }

    /** The IVR's zone, and the default periods of survey:results and report:service (the reports' site zone). */
    private void assertEverywhere(ZoneId zone) throws Exception {
        assertEquals(zone, service(SiteZone.class).get().zone());
        String ivr = console("ivr:list");
        assertTrue(ivr, ivr.contains("Time zone " + zone.getId()));
        // the default period of both commands ends with tomorrow in the site zone, whatever the machine's zone
        String tomorrow = LocalDate.now(zone).plusDays(1).toString();
        String scores = console("survey:results");
        assertTrue(scores, scores.contains(" to " + tomorrow + "T00:00 (excluded), " + zone.getId()));
        String reports = console("report:service");
        assertTrue(reports, reports.contains(" to " + tomorrow + " (excluded), " + zone.getId()));
    }
}
