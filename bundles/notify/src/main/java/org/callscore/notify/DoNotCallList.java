package org.callscore.notify;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Numbers no campaign may call. Checked when customers are imported (skipped) and again just before each dial
 * (not called, recorded as {@link NumberState#DO_NOT_CALL}). A number is compared in its normal form: digits,
 * with a leading {@code +} kept, spaces, dots, dashes and brackets dropped.
 */
@ProviderType
public interface DoNotCallList {

    /** @return the entry as stored; adding a listed number again keeps the first entry */
    DoNotCallEntry add(String number, String reason, String actor);

    /** @return whether it was listed */
    boolean remove(String number, String actor);

    boolean contains(String number);

    /** @return every entry, newest first */
    List<DoNotCallEntry> list();

    Optional<DoNotCallEntry> find(String number);
}
