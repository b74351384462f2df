package dev.nodeshim.childprocess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code uid} and {@code gid} options: whether this process may give a child those ids, and the
 * wrapper that does it.
 *
 * <p>Node (libuv) does it in the forked child before exec: {@code setgroups(0, NULL)} (its failure
 * ignored), then {@code setgid}, then {@code setuid}. The JDK cannot run code between fork and exec,
 * so the child is started through util-linux's {@code setpriv --clear-groups --regid=G --reuid=U --},
 * which makes the same calls (real, effective and saved ids, supplementary groups cleared) and execs
 * the command: same pid, and {@code spawnfile}/{@code spawnargs}/{@code argv0} stay the command's.
 *
 * <p>Whether the calls would succeed is decided here, before anything starts, with the kernel's rules
 * read from {@code /proc/self/status}: with {@code CAP_SETUID} ({@code CAP_SETGID}) any id may be set;
 * without, only one of our real, effective and saved ids. An id of -1 is {@code EINVAL} (as
 * {@code setuid(-1)} says); a forbidden one {@code EPERM}. Node throws both from {@code spawn} at once,
 * and the Sync forms return them as {@code error}. Without the capability {@code setgroups} fails and,
 * as in Node, that is ignored: the wrapper is then only needed when an id changes.
 */
final class Credentials {
    static final int EPERM = 1;
    static final int EINVAL = 22;
    private static final int CAP_SETGID = 6;
    private static final int CAP_SETUID = 7;

    /** Our ids: real, effective, saved. */
    private final long[] uids;
    private final long[] gids;
    private final long capabilities;

    private Credentials(long[] uids, long[] gids, long capabilities) {
        this.uids = uids;
        this.gids = gids;
        this.capabilities = capabilities;
    }

    /**
     * Our credentials when a uid or gid is asked for and the start gets as far as changing ids (a
     * missing {@code cwd} fails first, as in node, where the child changes directory before it
     * changes ids); otherwise null.
     */
    static Credentials forOptions(Integer uid, Integer gid, Path cwd) {
        if (uid == null && gid == null || cwd != null && !Files.isDirectory(cwd)) {
            return null;
        }
        return ours();
    }

    /** This process's ids and effective capabilities. */
    static Credentials ours() {
        try {
            return parse(Files.readAllLines(Path.of("/proc/self/status")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read /proc/self/status (uid/gid need Linux)", e);
        }
    }

    /** From the lines of {@code /proc/<pid>/status} ({@code Uid:}, {@code Gid:}, {@code CapEff:}). */
    static Credentials parse(List<String> status) {
        long[] uids = null;
        long[] gids = null;
        long caps = 0;
        for (String line : status) {
            String[] f = line.trim().split("\\s+");
            switch (f[0]) {
                case "Uid:" -> uids = ids(f);
                case "Gid:" -> gids = ids(f);
                case "CapEff:" -> caps = Long.parseUnsignedLong(f[1], 16);
                default -> {
                }
            }
        }
        if (uids == null || gids == null) {
            throw new IllegalArgumentException("no Uid:/Gid: lines in the process status");
        }
        return new Credentials(uids, gids, caps);
    }

    private static long[] ids(String[] f) {
        return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])};
    }

    /**
     * The errno (positive) that starting a child with these ids gives, or 0. {@code null}: not set.
     * setgid comes before setuid, so a bad gid is reported first.
     */
    int check(Integer uid, Integer gid) {
        if (gid != null) {
            int e = check(gid, gids, CAP_SETGID);
            if (e != 0) {
                return e;
            }
        }
        return uid == null ? 0 : check(uid, uids, CAP_SETUID);
    }

    private int check(int id, long[] ours, int capability) {
        if (id == -1) {
            return EINVAL;
        }
        if ((capabilities & (1L << capability)) != 0) {
            return 0;
        }
        long wanted = Integer.toUnsignedLong(id);
        return wanted == ours[0] || wanted == ours[1] || wanted == ours[2] ? 0 : EPERM;
    }

    /**
     * The {@code setpriv} words that give a child these ids (to go before {@code --} and the command),
     * or an empty list when nothing would change: no id set, or (without {@code CAP_SETGID}, where
     * Node's {@code setgroups} fails and is ignored) every id already ours. Call after {@link #check}.
     */
    List<String> setpriv(Integer uid, Integer gid) {
        if (uid == null && gid == null) {
            return List.of();
        }
        boolean mayClearGroups = (capabilities & (1L << CAP_SETGID)) != 0;
        if (!mayClearGroups && unchanged(uid, uids) && unchanged(gid, gids)) {
            return List.of();
        }
        List<String> words = new java.util.ArrayList<>(List.of("setpriv"));
        if (mayClearGroups) {
            words.add("--clear-groups");
        } else {
            words.add("--keep-groups"); // setpriv insists on a choice when --regid is given
        }
        if (gid != null) {
            words.add("--regid=" + Integer.toUnsignedLong(gid));
        }
        if (uid != null) {
            words.add("--reuid=" + Integer.toUnsignedLong(uid));
        }
        words.add("--");
        return words;
    }

    private static boolean unchanged(Integer id, long[] ours) {
        if (id == null) {
            return true;
        }
        long wanted = Integer.toUnsignedLong(id);
        return wanted == ours[0] && wanted == ours[1] && wanted == ours[2];
    }

    /**
     * The user the child runs its program as: {@code uid} (or our effective uid) and {@code gid} (or
     * our effective gid), with no supplementary groups — what {@link Launch#checkExecutable} must judge
     * the program's path by, since execvp runs after the ids changed.
     */
    long effectiveUid(Integer uid) {
        return uid == null ? uids[1] : Integer.toUnsignedLong(uid);
    }

    long effectiveGid(Integer gid) {
        return gid == null ? gids[1] : Integer.toUnsignedLong(gid);
    }

    /**
     * Whether a user {@code uid}/{@code gid} (no supplementary groups, no capabilities unless uid 0)
     * may search the directory or execute the file {@code p} (Linux mode bits; ACLs are not looked at).
     */
    static boolean allowed(Path p, long uid, long gid, boolean execute) throws IOException {
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class);
        Set<PosixFilePermission> perms = a.permissions();
        if (uid == 0) {
            // root searches any directory; it executes a file when any execute bit is set
            return !execute || perms.contains(PosixFilePermission.OWNER_EXECUTE)
                    || perms.contains(PosixFilePermission.GROUP_EXECUTE)
                    || perms.contains(PosixFilePermission.OTHERS_EXECUTE);
        }
        Map<String, Object> ids = Files.readAttributes(p, "unix:uid,gid", LinkOption.values());
        if (((Number) ids.get("uid")).longValue() == uid) {
            return perms.contains(PosixFilePermission.OWNER_EXECUTE);
        }
        if (((Number) ids.get("gid")).longValue() == gid) {
            return perms.contains(PosixFilePermission.GROUP_EXECUTE);
        }
        return perms.contains(PosixFilePermission.OTHERS_EXECUTE);
    }
}
