package org.callscore.ami.internal.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.ami.AsteriskManager;
import org.callscore.ami.ManagerStatus;
import org.callscore.support.command.ModuleCommand;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** {@code ami:status}: each configured Asterisk server, whether CallScore is logged in to it, and what went wrong. */
@Command(scope = "ami", name = "status", description = "Shows each Asterisk server configured in "
        + "etc/org.callscore.ami-NAME.cfg: address, connected or not and since when, reconnects, AMI version, last error")
@Service
public class StatusCommand extends ModuleCommand {

    @Reference
    BundleContext context;

    public StatusCommand() {
        super("No Asterisk server is configured for AMI (etc/org.callscore.ami-NAME.cfg, see docs/ami.md)");
    }

    @Override
    protected Optional<String> text() throws InvalidSyntaxException {
        List<ManagerStatus> servers = new ArrayList<>();
        for (ServiceReference<AsteriskManager> reference : context.getServiceReferences(AsteriskManager.class, null)) {
            AsteriskManager manager = context.getService(reference);
            if (manager != null) {
                try {
                    servers.add(manager.status());
                } finally {
                    context.ungetService(reference);
                }
            }
        }
        if (servers.isEmpty()) {
            return Optional.empty();
        }
        servers.sort(Comparator.comparing(ManagerStatus::server));
        return Optional.of(ManagerListing.render(servers));
    }
}
