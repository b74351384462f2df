package dev.nodeshim.childprocess;

/**
 * How a child ended, as Node reports it: {@code (code, null)} after a normal exit,
 * {@code (null, "SIGTERM")} after death by a signal.
 *
 * <h2>Why this is not simply {@code Process.exitValue()}, and what is exact</h2>
 * The kernel hands the parent a wait status that says exactly which of the two happened
 * ({@code WIFEXITED}/{@code WIFSIGNALED}). The JDK (17 through 25) folds it into one int before Java
 * sees it: {@code WEXITSTATUS} for an exit, {@code 0x80 + WTERMSIG} for a signal. So 143 means either
 * "exited with 143" or "killed by SIGTERM", and nothing in the JDK's API recovers the difference. The
 * ways to get the real status were weighed as follows:
 * <ul>
 *   <li>A shell wrapper that reports {@code $?} on an extra pipe: the shell folds the status the same
 *       way (128 + n), so it is as ambiguous; {@code sh -c 'exec "$@"'} is replaced by the child and
 *       reports nothing.</li>
 *   <li>Reading the zombie's {@code /proc/<pid>/stat} {@code exit_code} field: the JDK's reaper thread
 *       calls {@code waitpid} the moment the child dies, so the zombie is usually gone — racy, rejected.</li>
 *   <li>A supervisor process (forks the command, waits for it, writes the raw wait status to a pipe,
 *       forwards signals) is exact, but then the JDK's child is the supervisor: {@code pid} must be
 *       reported from the supervisor, and it needs a program the repo builds or a language runtime
 *       (perl) on the machine. Candidate for a later session.</li>
 *   <li>{@code posix_spawn} + {@code waitpid} through the FFM API is exact and keeps the pid, but FFM is
 *       final only from Java 22 and this module targets 17 (possible later as a multi-release class).</li>
 * </ul>
 *
 * <p>What this class does, so that the result is exact whenever it can be:
 * <ul>
 *   <li>values 0–128, and values above 128 + 31 (no such signal), are exit codes — exact;</li>
 *   <li>128 + n where nodeshim itself delivered signal n to the child ({@code kill}, {@code timeout},
 *       {@code maxBuffer}) is that signal — exact in practice (a child that catches the signal and then
 *       exits with 128 + n on purpose is reported as killed);</li>
 *   <li>the remaining case, 128 + n with a valid signal n that nodeshim did not send, is
 *       <b>ambiguous</b>; it is reported as death by signal n, because crashes ({@code SIGSEGV} 139,
 *       {@code SIGABRT} 134), the OOM killer ({@code SIGKILL} 137) and signals from elsewhere are the
 *       common cause and callers test {@code signal != null} for them. A child that runs
 *       {@code exit 143} by itself is therefore reported as {@code (null, "SIGTERM")} where Node says
 *       {@code (143, null)} — the one known divergence.</li>
 * </ul>
 *
 * @param code   the exit code, or {@code null} when the child died by a signal
 * @param signal the signal name, or {@code null} after a normal exit
 */
public record ExitStatus(Integer code, String signal) {
    /**
     * Decodes a JDK exit value.
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
