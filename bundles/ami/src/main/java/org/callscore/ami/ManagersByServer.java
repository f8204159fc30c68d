package org.callscore.ami;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The base of a module's component that places calls through every {@link AsteriskManager} service and hears the
 * AMI events named in its {@value AmiEventListener#EVENTS} property. It keeps the managers by {@link
 * AsteriskManager#server() server}: the one bound last serves its server, and one that goes takes its server away
 * only while it is still the one serving it. Each event goes to what the component gave {@link #events}, once it gave
 * one. The subclass keeps its own {@code @Component} (its service, its events); the multiple, dynamic reference
 * {@code Manager} is declared here (bnd's {@code -dsannotations-options: inherit}).
 */
@ConsumerType
public abstract class ManagersByServer implements AmiEventListener {

    private final Map<String, AsteriskManager> managers = new ConcurrentHashMap<>();

    private volatile AmiEventListener events;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void bindManager(AsteriskManager manager) {
        managers.put(manager.server(), manager);
    }

    public void unbindManager(AsteriskManager manager) {
        managers.remove(manager.server(), manager);
    }

    /** @return the managers bound now, by server: a copy, which later binds and unbinds leave as it is */
    protected final Map<String, AsteriskManager> managers() {
        return Map.copyOf(managers);
    }

    /** @param events what hears the events from now on */
    protected final void events(AmiEventListener events) {
        this.events = events;
    }

    @Override
    public final void onEvent(AmiEvent event) {
        AmiEventListener current = events;
        if (current != null) {
            current.onEvent(event);
        }
    }
}
