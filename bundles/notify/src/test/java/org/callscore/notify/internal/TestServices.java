package org.callscore.notify.internal;

import java.time.Clock;
import java.time.ZoneId;

import org.callscore.notify.Campaigns;
import org.callscore.notify.DoNotCallList;
import org.callscore.testing.database.SwitchableDatabase;

/** The notify services on fresh tables of the unit database, for the tests of other packages (the console's). */
public final class TestServices {

    public final Campaigns campaigns;
    public final DoNotCallList doNotCall;

    private TestServices(Campaigns campaigns, DoNotCallList doNotCall) {
        this.campaigns = campaigns;
        this.doNotCall = doNotCall;
    }

    public static TestServices fresh(Clock clock, ZoneId siteZone) {
        Fixtures.freshTables();
        SwitchableDatabase db = new SwitchableDatabase(Fixtures.MARIADB);
        return new TestServices(new CampaignBook(() -> db, clock, () -> siteZone), new DoNotCallBook(() -> db, clock));
    }
}
