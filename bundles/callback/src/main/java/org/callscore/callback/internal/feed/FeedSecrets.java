package org.callscore.callback.internal.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.callscore.callback.FeedOwner;
import org.jdbi.v3.core.Jdbi;

/**
 * The feeds' secrets in {@code callback_feed}: one per owner, kept only as a SHA-256 hash. A secret is 32 random
 * bytes, so a plain hash is enough (nothing to guess from a dictionary), and a lookup by hash is one index read.
 */
final class FeedSecrets {

    /** What a secret looks like in an address: 43 characters of URL-safe Base64. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;

    FeedSecrets(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @return a new secret for the owner; the one it had before is gone */
    String issue(FeedOwner owner, String actor, Instant at) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO callback_feed (owner_kind, owner_name, secret_sha256, "
                + "issued_at, issued_by) VALUES (:kind, :name, :hash, :at, :by) ON DUPLICATE KEY UPDATE "
                + "secret_sha256 = VALUES(secret_sha256), issued_at = VALUES(issued_at), issued_by = VALUES(issued_by)")
                .bind("kind", owner.kind().name()).bind("name", owner.name()).bind("hash", hash(secret))
                .bind("at", Timestamp.from(at)).bind("by", actor).execute());
        return secret;
    }

    /** @return whether the owner had a secret */
    boolean revoke(FeedOwner owner) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM callback_feed WHERE owner_kind = :kind AND "
                + "owner_name = :name").bind("kind", owner.kind().name()).bind("name", owner.name()).execute()) > 0;
    }

    List<FeedOwner> owners() {
        return jdbi.withHandle(h -> h.createQuery("SELECT owner_kind, owner_name FROM callback_feed "
                + "ORDER BY owner_kind, owner_name")
                .map((rs, ctx) -> new FeedOwner(FeedOwner.Kind.valueOf(rs.getString(1)), rs.getString(2))).list());
    }

    /** @return the owner of the feed at this secret, if it works */
    Optional<FeedOwner> owner(String secret) {
        if (secret == null || !SHAPE.matcher(secret).matches()) {
            return Optional.empty(); // not one of ours: no need to ask MariaDB
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT owner_kind, owner_name FROM callback_feed "
                + "WHERE secret_sha256 = :hash").bind("hash", hash(secret))
                .map((rs, ctx) -> new FeedOwner(FeedOwner.Kind.valueOf(rs.getString(1)), rs.getString(2)))
                .findOne());
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
