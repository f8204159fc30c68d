package org.callscore.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * @param id         the campaign's id
 * @param definition what it plays, to whom, when and how
 * @param state      where it stands
 * @param created    when it was created
 * @param createdBy  who created it
 * @param changed    when its state last changed
 */
public record Campaign(String id, CampaignDefinition definition, CampaignState state, Instant created,
        String createdBy, Instant changed) {

    public Campaign {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(changed, "changed");
    }

    public String name() {
        return definition.name();
    }
}
