package org.callscore.support.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * How a site's customers write their telephone numbers: its country calling code and its trunk prefix, so that the
 * same customer is one number however it is written. With the country 351, {@code +351210000001},
 * {@code 00351210000001} and {@code 210000001} are all {@code +351210000001}; with 33 and the trunk prefix 0,
 * {@code 0612345678} is {@code +33612345678}. The notify module compares its customers and its do-not-call list
 * this way (the recording index's caller search meets the same prefixes from the other side: it finds
 * {@code +44 20 7946 0018} from {@code 020 7946 0018} without knowing the site's country).
 *
 * @param countryCode E.164's country calling code: 1 to 3 digits, the first not 0
 * @param trunkPrefix what a national number starts with and the international form drops (0 in France, the UK,
 *                    Germany); empty where there is none or it is kept (Portugal, Spain, Italy)
 */
public record NumberPlan(String countryCode, String trunkPrefix) {

    /** What starts an international number dialled from most countries (ITU-T E.164's recommended prefix). */
    public static final String INTERNATIONAL_PREFIX = "00";

    public NumberPlan {
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(trunkPrefix, "trunkPrefix");
        if (!countryCode.matches("[1-9][0-9]{0,2}")) {
            throw new IllegalArgumentException("country: '" + countryCode + "' is not a country calling code (1 to 3 "
                    + "digits, such as 351 or 33, without + or 00)");
        }
        if (!trunkPrefix.matches("[0-9]{0,2}") || trunkPrefix.startsWith(INTERNATIONAL_PREFIX)) {
            throw new IllegalArgumentException("trunk.prefix: '" + trunkPrefix + "' is not a trunk prefix (0, or "
                    + "nothing)");
        }
    }

    /**
     * @param country the country calling code as configured; empty or blank: no plan (numbers compared as written)
     * @param trunk   the trunk prefix as configured, null or blank: none
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public static Optional<NumberPlan> of(String country, String trunk) {
        if (country == null || country.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new NumberPlan(country.strip(), trunk == null ? "" : trunk.strip()));
    }

    /**
     * @param number digits, a leading {@code +} allowed (punctuation already removed)
     * @return the number in international form, {@code +} then the country code: a {@code +} number as it is, one
     *         starting with {@code 00} with it replaced by {@code +}, a national one (its trunk prefix dropped) after
     *         this plan's country code
     */
    public String international(String number) {
        if (number.startsWith("+")) {
            return number;
        }
        if (number.startsWith(INTERNATIONAL_PREFIX)) {
            return "+" + number.substring(INTERNATIONAL_PREFIX.length());
        }
        if (!trunkPrefix.isEmpty() && number.startsWith(trunkPrefix)) {
            return "+" + countryCode + number.substring(trunkPrefix.length());
        }
        return "+" + countryCode + number;
    }
}
