/** The ping AGI application: a wiring check for administrators. */
@ModuleSchema(PingApplication.MODULE)
package org.callscore.agi.ping;

import org.callscore.storage.ModuleSchema;
