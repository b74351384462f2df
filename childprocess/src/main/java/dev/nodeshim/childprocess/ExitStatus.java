package dev.nodeshim.childprocess;

/**
 * How a child ended, as Node reports it: {@code (code, null)} after a normal exit,
 * {@code (null, "SIGTERM")} after death by a signal.
 *
 * <h2>How it is exact</h2>
 * The kernel hands the parent a wait status that says exactly which of the two happened
 * ({@code WIFEXITED}/{@code WIFSIGNALED}). The JDK (17 through 25) folds it into one int before Java
 * sees it: {@code WEXITSTATUS} for an exit, {@code 0x80 + WTERMSIG} for a signal, so 143 means either
 * "exited with 143" or "killed by SIGTERM". nodeshim therefore starts children itself, through its
 * native library ({@link NativeSpawn}: {@code posix_spawn}, then {@code waitpid} on the child's pidfd
 * in {@link ChildExits}), and decodes the raw status with {@link #fromWaitStatus}: exact for every code
 * and signal. Ways weighed and rejected: a shell wrapper reporting {@code $?} (folds the same way);
 * reading the zombie's {@code /proc/<pid>/stat} (the JDK's reaper takes it first: racy); a perl
 * supervisor (a second process per child, and the pid the user sees would be the supervisor's).
 *
 * <p>Without the native library (not Linux, no gcc when the module was built, or
 * {@code -Dnodeshim.childprocess.spawn=jdk}) children start through {@code ProcessBuilder} and
 * {@link #decode} reads the JDK's value: 0–128 and values above 128 + 31 are exit codes, and 128 + n
 * with a valid signal n is reported as death by signal n — right for crashes, the OOM killer and
 * {@code kill}, wrong for a child that runs {@code exit 143} by itself (Node: {@code (143, null)}).
 *
 * @param code   the exit code, or {@code null} when the child died by a signal
 * @param signal the signal name, or {@code null} after a normal exit
 */
public record ExitStatus(Integer code, String signal) {
    /**
     * Decodes a raw wait status as {@code waitpid(2)} gives it (the native spawn, {@link NativeChild}):
     * exact. Low 7 bits zero: an exit, with the code in bits 8–15; otherwise the number of the signal
     * that ended the child ({@code WTERMSIG}; bit 7 only says whether it dumped core).
     */
    static ExitStatus fromWaitStatus(int raw) {
        int signal = raw & 0x7f;
        return signal == 0 ? new ExitStatus((raw >> 8) & 0xff, null) : new ExitStatus(null, Signals.name(signal));
    }

    /**
     * Decodes a JDK exit value (children started through {@code ProcessBuilder}; ambiguous for 129–159).
     *
     * @param jdkValue {@code Process.exitValue()}
     */
    static ExitStatus decode(int jdkValue) {
        if (jdkValue > 128) {
            String name = Signals.name(jdkValue - 128);
            if (name != null) {
                return new ExitStatus(null, name);
            }
        }
        return new ExitStatus(jdkValue, null);
    }
}
