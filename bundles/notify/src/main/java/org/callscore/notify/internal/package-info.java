/** The notify module's implementation: its tables, the customer import, the window and retry rules, the dialler. */
@ModuleSchema(Campaigns.SCHEMA)
package org.callscore.notify.internal;

import org.callscore.notify.Campaigns;
import org.callscore.storage.ModuleSchema;
