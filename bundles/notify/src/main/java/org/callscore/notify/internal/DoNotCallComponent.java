package org.callscore.notify.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.callscore.notify.DoNotCallEntry;
import org.callscore.notify.DoNotCallList;
import org.callscore.storage.Database;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The {@link DoNotCallList} service. */
@Component(configurationPid = NotifyConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = DoNotCallList.class)
public class DoNotCallComponent extends NumberPlanComponent implements DoNotCallList {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Database database;

    private final DoNotCallBook book = new DoNotCallBook(() -> database, Clock.systemUTC(), plan::get);

    public DoNotCallComponent() {
        super(false);
    }

    @Override
    public DoNotCallEntry add(String number, String reason, String actor) {
        return book.add(number, reason, actor);
    }

    @Override
    public boolean remove(String number, String actor) {
        return book.remove(number, actor);
    }

    @Override
    public boolean contains(String number) {
        return book.contains(number);
    }

    @Override
    public List<DoNotCallEntry> list() {
        return book.list();
    }

    @Override
    public Optional<DoNotCallEntry> find(String number) {
        return book.find(number);
    }
}
