package org.callscore.ami.internal.command;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.ami.AsteriskManager;
import org.callscore.ami.ManagerStatus;
import org.callscore.support.bundle.EachService;
import org.callscore.support.command.ModuleCommand;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;

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
        List<ManagerStatus> servers = EachService.ask(context, AsteriskManager.class, AsteriskManager::status);
        if (servers.isEmpty()) {
            return Optional.empty();
        }
        servers.sort(Comparator.comparing(ManagerStatus::server));
        return Optional.of(ManagerListing.render(servers));
    }
}
