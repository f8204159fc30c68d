package org.callscore.agi.ivr;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.callscore.agi.AgiApplication;
import org.callscore.ivr.Action;
import org.callscore.ivr.IvrCatalog;
import org.callscore.support.agi.CallIds;
import org.callscore.support.agi.CallPathApplication;
import org.callscore.ivr.IvrVisit;
import org.callscore.ivr.IvrVisits;
import org.callscore.ivr.MenuTree;
import org.callscore.support.text.LogText;
import org.callscore.support.rules.DefinitionName;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AGI(agi://127.0.0.1:4573/ivr?menu=NAME)}: walks the menu file NAME with the caller and returns the
 * destination in channel variables; the dialplan does the Queue() or Dial(). The contract (parameters,
 * variables, behaviour on every error) is in docs/dialplan-contract.md. The caller's number and name are
 * never read: nothing the caller controls reaches a command, a file name, SQL or a log line except the keys,
 * which are checked one by one.
 */
@Component(service = AgiScript.class)
@AgiApplication("ivr")
public class IvrApplication extends CallPathApplication {

    private static final Logger LOG = LoggerFactory.getLogger(IvrApplication.class);

    @Reference
    private IvrCatalog catalog;

    @Reference
    private IvrVisits visits;

    public IvrApplication() {
        // for Declarative Services
    }

    IvrApplication(IvrCatalog catalog, IvrVisits visits) {
        this.catalog = catalog;
        this.visits = visits;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String uniqueId = CallIds.uniqueId("ivr", request);
        MenuTree tree = choose(request.getParameter("menu"));
        Optional<String> linkedId = CallIds.linkedId(channel);
        String visitId = UUID.randomUUID().toString();
        channel.setVariable("IVR_VISIT_ID", visitId);
        IvrCall call = new IvrCall(channel, tree, Instant::now);
        boolean reachedEnd = false;
        boolean failed = false;
        try {
            channel.answer();
            call.run();
            reachedEnd = true;
        } catch (AgiHangupException gone) {
            throw gone;
        } catch (IvrCall.SoundMissing missing) {
            // Asterisk already ends this AGI as FAILURE (res_agi does after a failed STREAM FILE); named once, not per call
            failed = true;
            if (catalog.soundMissing(tree.name(), missing.sound())) {
                LOG.warn("IVR {}: Asterisk cannot play the sound '{}' ({}.ivr): callers who reach it leave the IVR "
                        + "(AGISTATUS=FAILURE, visit 'error'). Install the sound on the Asterisk host or name another; "
                        + "ivr:list lists such sounds (logged once)", tree.name(), missing.sound(), tree.name());
            } else {
                LOG.debug("IVR {}: sound '{}' still cannot be played", tree.name(), missing.sound());
            }
        } catch (AgiException | RuntimeException e) {
            failed = true;
            throw e;
        } finally {
            IvrVisit visit = call.visit(visitId, uniqueId, linkedId, failed);
            try {
                if (reachedEnd) {
                    tellDialplan(channel, call); // routing first: recording the visit may wait on MariaDB
                }
            } finally {
                record(visit);
                LOG.info("IVR {} on {}: {} -> {} after {} s, path '{}'{}", tree.name(),
                        LogText.of(request.getChannel()), visit.status(),
                        visit.exit().map(Action::toString).orElse("-"),
                        Duration.between(visit.startedAt(), visit.endedAt()).toSeconds(), visit.path(),
                        reachedEnd ? "" : failed ? " (failed)" : " (caller gone)");
            }
        }
    }

    /** The caller has a destination already: a visit that cannot be stored is logged, never ends the call. */
    private void record(IvrVisit visit) {
        try {
            visits.record(visit);
        } catch (RuntimeException e) {
            LOG.error("IVR visit {} of call {} could not be recorded ({}): {}", visit.id(), visit.uniqueId(), e,
                    visit);
        }
    }

    private MenuTree choose(String menu) throws AgiException {
        if (menu == null || menu.isBlank()) {
            throw new AgiException("ivr needs a menu file: agi://HOST/ivr?menu=NAME (menu files: " + catalog.names() + ")");
        }
        if (!DefinitionName.isValid(menu)) {
            throw new AgiException("ivr: '" + LogText.of(menu) + "' is not a menu file name (" + DefinitionName.RULE
                    + ")");
        }
        return catalog.byName(menu).orElseThrow(() -> new AgiException("ivr: no menu file named '" + menu
                + "' (menu files: " + catalog.names() + "; refused: " + catalog.problems().keySet() + ")"));
    }

    private static void tellDialplan(AgiChannel channel, IvrCall call) throws AgiException {
        Action exit = call.exit().orElseThrow();
        channel.setVariable("IVR_DESTINATION_TYPE", exit.type().label());
        channel.setVariable("IVR_DESTINATION", exit.target());
        channel.setVariable("IVR_STATUS", call.status());
        channel.setVariable("IVR_PATH", call.path());
        channel.setVariable("IVR_MENU", call.exitMenu());
        channel.setVariable("IVR_AGENT_REQUESTED", call.agentRequested() ? "1" : "0");
    }
}
