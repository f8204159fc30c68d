package org.callscore.ami.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The AMI secret, kept in a file of its own that only the Karaf user may read: never in the .cfg, which Config
 * Admin shows to every console user. Its text is never logged nor put in a message.
 */
final class SecretFile {

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final int MAX_BYTES = 4096;

    private SecretFile() {
    }

    /**
     * @return the file's first line, trimmed
     * @throws IOException whose message says what to fix (missing, readable by others, another owner, empty)
     */
    static String read(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("the AMI secret file " + file + " is missing or not a regular file");
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new IOException("the AMI secret file " + file + " is readable by others ("
                    + PosixFilePermissions.toString(permissions)
                    + "): make it mode 0600 (chmod 600) and owned by the Karaf user; not connecting");
        }
        String owner = Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName();
        String karafUser = System.getProperty("user.name");
        if (!owner.equals(karafUser)) {
            throw new IOException("the AMI secret file " + file + " is owned by " + owner + ", not by the Karaf user "
                    + karafUser + ": chown it; not connecting");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException("the AMI secret file " + file + " is larger than " + MAX_BYTES + " bytes");
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String secret = (end < 0 ? text : text.substring(0, end)).trim();
        if (secret.isEmpty()) {
            throw new IOException("the AMI secret file " + file + " is empty");
        }
        return secret;
    }
}
