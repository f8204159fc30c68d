/** The callback module's implementation: its tables, the request spool, the scheduling rules and the dialer. */
@ModuleSchema(Callbacks.SCHEMA)
package org.callscore.callback.internal;

import org.callscore.callback.Callbacks;
import org.callscore.storage.ModuleSchema;
