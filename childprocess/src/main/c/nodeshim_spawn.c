/*
 * The native half of dev.nodeshim.childprocess.NativeSpawn: starting a child with posix_spawn(3),
 * learning its exact wait status, and signalling it, on Linux.
 *
 * Why native code: the JDK folds a child's wait status into one int (WEXITSTATUS after an exit,
 * 0x80 + WTERMSIG after a signal), so "exited with 143" and "killed by SIGTERM" look alike, while
 * Node reports (143, null) and (null, 'SIGTERM'). Here the status is read with waitpid(2) as the
 * kernel gives it. posix_spawn (glibc: clone with CLONE_VM | CLONE_VFORK, then exec) is also several
 * times faster than the JDK's ProcessBuilder, which execs a helper program first.
 *
 * Each exported function is a thin system call wrapper; the rules (PATH lookup, which descriptors the
 * child gets, when a child counts as exited) live in the Java classes.
 */
#define _GNU_SOURCE
#include <jni.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif

/* Child stdio entries (see NativeSpawn.spawn): a descriptor to dup2, or one of these. */
#define STDIO_INHERIT (-1)
#define STDIO_IGNORE (-2)

/* A NUL-terminated copy of a Java byte[]; NULL when a is null or memory ran out. */
static char *copy_bytes(JNIEnv *env, jbyteArray a) {
    if (a == NULL) {
        return NULL;
    }
    jsize n = (*env)->GetArrayLength(env, a);
    char *s = malloc((size_t) n + 1);
    if (s != NULL) {
        (*env)->GetByteArrayRegion(env, a, 0, n, (jbyte *) s);
        s[n] = '\0';
    }
    return s;
}

/* Frees the strings of a NULL-terminated vector (not the vector). */
static void free_strings(char **v) {
    for (char **p = v; *p != NULL; p++) {
        free(*p);
    }
}

/* A NULL-terminated vector of copies of a Java byte[][], with `skip` empty slots in front. */
static char **copy_vector(JNIEnv *env, jobjectArray arr, int skip) {
    jsize n = (*env)->GetArrayLength(env, arr);
    char **v = calloc((size_t) n + (size_t) skip + 1, sizeof(char *));
    if (v == NULL) {
        return NULL;
    }
    for (jsize i = 0; i < n; i++) {
        jbyteArray item = (jbyteArray) (*env)->GetObjectArrayElement(env, arr, i);
        v[skip + i] = copy_bytes(env, item);
        (*env)->DeleteLocalRef(env, item);
        if (v[skip + i] == NULL) {
            free_strings(v + skip);
            free(v);
            return NULL;
        }
    }
    return v;
}

/*
 * Starts `path` with `argv` and `envp` in `cwd` (null: ours). stdio has one entry per child descriptor
 * 0..n-1 (n >= 3): a descriptor of ours that becomes the child's fd i, STDIO_INHERIT (the child keeps
 * our fd i: below 3 it simply inherits it, from 3 on it is passed on explicitly), or STDIO_IGNORE
 * (/dev/null for 0-2, nothing from 3 on). Every descriptor from n on is closed in the child. The child
 * gets default signal dispositions and an empty signal mask, as libuv gives Node's children; `setsid`
 * makes it lead a new session (Node's detached).
 *
 * Returns ((pidfd + 1) << 32) | pid, pidfd being -1 where the kernel has no pidfd_open; or -errno
 * when the child could not be started (the exec's, chdir's or a dup2's errno, which glibc reports;
 * EBADF at once when a descriptor to inherit is not open here).
 */
JNIEXPORT jlong JNICALL Java_dev_nodeshim_childprocess_NativeSpawn_spawn(JNIEnv *env, jclass cls,
        jbyteArray jpath, jobjectArray jargv, jobjectArray jenvp, jbyteArray jcwd, jintArray jstdio,
        jboolean setsid) {
    (void) cls;
    int n = (*env)->GetArrayLength(env, jstdio);
    int *stdio = calloc((size_t) (n < 3 ? 3 : n), sizeof(int));
    int *moved = calloc((size_t) (n < 3 ? 3 : n), sizeof(int));
    char *path = copy_bytes(env, jpath);
    char *cwd = copy_bytes(env, jcwd);
    /* one slot in front, for /bin/sh when the file turns out to be a script without #! (ENOEXEC) */
    char **argv = copy_vector(env, jargv, 1);
    char **envp = copy_vector(env, jenvp, 0);
    jlong result = -ENOMEM;
    if (stdio == NULL || moved == NULL) {
        goto out;
    }
    for (int i = 0; i < n; i++) {
        moved[i] = -1;
    }
    (*env)->GetIntArrayRegion(env, jstdio, 0, n, stdio);
    if (path == NULL || argv == NULL || envp == NULL || (jcwd != NULL && cwd == NULL)) {
        goto out;
    }
    for (int i = 3; i < n; i++) {
        if (stdio[i] == STDIO_INHERIT) {
            stdio[i] = i; /* our own fd i, passed on as any other descriptor */
        }
    }
    /*
     * A source descriptor below n could be overwritten by an earlier dup2 in the child: move every
     * such source above n first (close-on-exec copies, closed again below). This is also where a
     * descriptor to inherit that is not open fails, with EBADF.
     */
    for (int i = 0; i < n; i++) {
        if (stdio[i] >= 0 && stdio[i] < n) {
            moved[i] = fcntl(stdio[i], F_DUPFD_CLOEXEC, n);
            if (moved[i] < 0) {
                result = -errno;
                goto out;
            }
            stdio[i] = moved[i];
        }
    }
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    posix_spawn_file_actions_init(&fa);
    posix_spawnattr_init(&attr);
    if (cwd != NULL) {
        posix_spawn_file_actions_addchdir_np(&fa, cwd);
    }
    for (int i = 0; i < n; i++) {
        if (stdio[i] >= 0) {
            posix_spawn_file_actions_adddup2(&fa, stdio[i], i);
        } else if (stdio[i] == STDIO_IGNORE && i < 3) {
            posix_spawn_file_actions_addopen(&fa, i, "/dev/null", i == 0 ? O_RDONLY : O_WRONLY, 0);
        }
    }
    /* 'ignore' from 3 on is a closed descriptor: ours of that number (the JVM keeps some without
       close-on-exec: its modules file, jars) must not leak in (glibc ignores EBADF here) */
    for (int i = 3; i < n; i++) {
        if (stdio[i] == STDIO_IGNORE) {
            posix_spawn_file_actions_addclose(&fa, i);
        }
    }
    posix_spawn_file_actions_addclosefrom_np(&fa, n < 3 ? 3 : n);
    sigset_t all, none;
    sigfillset(&all);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setsigmask(&attr, &none);
    short flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK;
    if (setsid) {
        flags |= POSIX_SPAWN_SETSID;
    }
    posix_spawnattr_setflags(&attr, flags);
    pid_t pid;
    int rc = posix_spawn(&pid, path, &fa, &attr, argv + 1, envp);
    if (rc == ENOEXEC) {
        /* execvp's rule: a file the kernel cannot execute is run as a shell script */
        char *file0 = argv[1];
        argv[0] = "/bin/sh";
        argv[1] = path;
        rc = posix_spawn(&pid, "/bin/sh", &fa, &attr, argv, envp);
        argv[0] = NULL;
        argv[1] = file0;
    }
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) {
        result = -rc;
        goto out;
    }
    int pidfd = (int) syscall(SYS_pidfd_open, pid, 0);
    if (pidfd >= 0) {
        fcntl(pidfd, F_SETFD, FD_CLOEXEC);
    }
    result = ((jlong) (pidfd + 1) << 32) | (jlong) (uint32_t) pid;
out:
    if (moved != NULL) {
        for (int i = 0; i < n; i++) {
            if (moved[i] >= 0) {
                close(moved[i]);
            }
        }
    }
    free(stdio);
    free(moved);
    free(path);
    free(cwd);
    if (argv != NULL) {
        free_strings(argv + 1); /* argv[0] is the spare slot, never allocated */
        free(argv);
    }
    if (envp != NULL) {
        free_strings(envp);
        free(envp);
    }
    return result;
}

/* An epoll instance for watching pidfds; -errno on failure. */
JNIEXPORT jint JNICALL Java_dev_nodeshim_childprocess_NativeSpawn_epollCreate(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    int fd = epoll_create1(EPOLL_CLOEXEC);
    return fd < 0 ? -errno : fd;
}

/* Adds a child's pidfd to `epfd`; it becomes ready when the child exits. 0 or -errno. */
JNIEXPORT jint JNICALL Java_dev_nodeshim_childprocess_NativeSpawn_watch(JNIEnv *env, jclass cls, jint epfd,
        jint pidfd, jint pid) {
    (void) env;
    (void) cls;
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = EPOLLIN;
    ev.data.u64 = ((uint64_t) (uint32_t) pidfd << 32) | (uint32_t) pid;
    return epoll_ctl(epfd, EPOLL_CTL_ADD, pidfd, &ev) == 0 ? 0 : -errno;
}

/*
 * Waits up to timeoutMs (-1: no limit) for watched children to exit and reaps them: for each one, out
 * gets (pid, raw wait status, 0), or (pid, 0, errno) when waitpid failed (someone else reaped it).
 * Returns how many (at most out.length / 3; 0 after the timeout), or -errno when epoll_wait failed.
 * Each child is taken out of the epoll set.
 */
JNIEXPORT jint JNICALL Java_dev_nodeshim_childprocess_NativeSpawn_awaitExits(JNIEnv *env, jclass cls, jint epfd,
        jintArray jout, jint timeoutMs) {
    (void) cls;
    enum { MAX = 64 };
    struct epoll_event events[MAX];
    jint vals[3 * MAX];
    int room = (*env)->GetArrayLength(env, jout) / 3;
    if (room > MAX) {
        room = MAX;
    }
    int n;
    do {
        n = epoll_wait(epfd, events, room, timeoutMs);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        return -errno;
    }
    for (int i = 0; i < n; i++) {
        pid_t pid = (pid_t) (uint32_t) events[i].data.u64;
        int pidfd = (int) (events[i].data.u64 >> 32);
        epoll_ctl(epfd, EPOLL_CTL_DEL, pidfd, NULL);
        int status = 0;
        pid_t r;
        do {
            r = waitpid(pid, &status, WNOHANG);
        } while (r < 0 && errno == EINTR);
        vals[3 * i] = pid;
        vals[3 * i + 1] = r == pid ? status : 0;
        vals[3 * i + 2] = r == pid ? 0 : (r < 0 ? errno : ECHILD);
    }
    (*env)->SetIntArrayRegion(env, jout, 0, 3 * n, vals);
    return n;
}

/* Blocks in waitpid for one child (kernels without pidfd_open): its raw wait status, or -errno. */
JNIEXPORT jint JNICALL Java_dev_nodeshim_childprocess_NativeSpawn_waitFor(JNIEnv *env, jclass cls, jint pid) {
    (void) env;
    (void) cls;
    int status = 0;
    pid_t r;
    do {
        r = waitpid(pid, &status, 0);
    } while (r < 0 && errno == EINTR);
    return r == pid ? status : -errno;
}

/*
 * Sends `sig` to the child: through its pidfd when there is one (the pidfd names this process even
 * after its pid was freed, so a late kill can never reach a stranger), else kill(2). 0 or -errno.
 */
JNIEXPORT jint JNICALL Java_dev_nodeshim_childprocess_NativeSpawn_signal(JNIEnv *env, jclass cls, jint pidfd,
        jint pid, jint sig) {
    (void) env;
    (void) cls;
    long r = pidfd >= 0 ? syscall(SYS_pidfd_send_signal, pidfd, sig, NULL, 0) : kill(pid, sig);
    return r == 0 ? 0 : -errno;
}

/* The signal to die by once the JVM exits (exitBySignal); 0: a plain exit. */
static volatile sig_atomic_t exit_signal;

/* atexit: runs after the JVM's shutdown hooks, as the process exits; dies by exit_signal if set. */
static void raise_exit_signal(void) {
    int sig = exit_signal;
    if (sig == 0) {
        return;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigaction(sig, &sa, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
}

/*
 * Makes this process's coming exit a death by `sig` (its default action), after the JVM's shutdown
 * hooks have run: a forked JVM told to stop by SIGTERM then ends as a Node child does, (null, SIGTERM)
 * for its parent, instead of exiting with 128 + n. The JVM's exit calls exit(3), which runs atexit
 * handlers (checked on JDK 17 and 25).
 */
JNIEXPORT void JNICALL Java_dev_nodeshim_childprocess_NativeSpawn_exitBySignal(JNIEnv *env, jclass cls, jint sig) {
    (void) env;
    (void) cls;
    static int registered;
    if (!registered) {
        registered = atexit(raise_exit_signal) == 0;
    }
    exit_signal = sig;
}

/*
 * One read from a non-blocking pipe straight into the Java array `dst` (PolledOutput, on the loop
 * thread after the selector said the pipe is readable): the byte count (0: end of file), or -errno
 * (-EAGAIN: nothing there after all). The array is pinned for the read alone, which cannot block.
 */
JNIEXPORT jint JNICALL Java_dev_nodeshim_childprocess_NativeSpawn_readNow(JNIEnv *env, jclass cls, jint fd,
        jbyteArray dst) {
    (void) cls;
    jsize len = (*env)->GetArrayLength(env, dst);
    jbyte *b = (*env)->GetPrimitiveArrayCritical(env, dst, NULL);
    if (b == NULL) {
        return -ENOMEM;
    }
    ssize_t n;
    do {
        n = read(fd, b, (size_t) len);
    } while (n < 0 && errno == EINTR);
    int err = errno;
    (*env)->ReleasePrimitiveArrayCritical(env, dst, b, 0);
    return n >= 0 ? (jint) n : -err;
}

/* close(2); 0 or -errno. */
JNIEXPORT jint JNICALL Java_dev_nodeshim_childprocess_NativeSpawn_close(JNIEnv *env, jclass cls, jint fd) {
    (void) env;
    (void) cls;
    return close(fd) == 0 ? 0 : -errno;
}

/*
 * The descriptor number behind one of the JDK's NIO pipe channels (Pipe.SourceChannel/SinkChannel:
 * its private int field fdVal, which JNI may read), or -1 when the channel has no such field.
 */
JNIEXPORT jint JNICALL Java_dev_nodeshim_childprocess_NativeSpawn_fdOf(JNIEnv *env, jclass cls, jobject channel) {
    (void) cls;
    jclass k = (*env)->GetObjectClass(env, channel);
    jfieldID f = (*env)->GetFieldID(env, k, "fdVal", "I");
    if (f == NULL) {
        (*env)->ExceptionClear(env);
        return -1;
    }
    return (*env)->GetIntField(env, channel, f);
}

/*
 * A connected pair of Unix stream sockets, both close-on-exec (a child gets one of them through
 * spawn's dup2, which clears the flag on its copy): what libuv gives a Node child for an 'ipc' entry
 * and for a 'pipe' from fd 3 on. Returns ((jlong) fds[1] << 32) | fds[0], or -errno.
 */
JNIEXPORT jlong JNICALL Java_dev_nodeshim_childprocess_NativeSpawn_socketPair(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    int fds[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
        return -errno;
    }
    return ((jlong) fds[1] << 32) | (jlong) (uint32_t) fds[0];
}

/*
 * The JDK's connected SocketChannel over a socket descriptor we already hold (one end of socketPair,
 * or the channel a parent passed in NODE_CHANNEL_FD): the constructor the JDK's own accept uses,
 * SocketChannelImpl(SelectorProvider, ProtocolFamily, FileDescriptor, SocketAddress) — the same on JDK
 * 17 and 25; JNI may call it although the class is not exported. The channel owns the descriptor from
 * then on (closing it closes the descriptor). Returns null, with the exception cleared, when this JDK
 * has no such constructor; an IOException of the constructor is left pending (thrown in Java).
 */
JNIEXPORT jobject JNICALL Java_dev_nodeshim_childprocess_NativeSpawn_socketChannel(JNIEnv *env, jclass cls,
        jint fd, jobject provider, jobject family, jobject remote) {
    (void) cls;
    jclass fdClass = (*env)->FindClass(env, "java/io/FileDescriptor");
    jmethodID fdInit = fdClass == NULL ? NULL : (*env)->GetMethodID(env, fdClass, "<init>", "()V");
    jfieldID fdField = fdClass == NULL ? NULL : (*env)->GetFieldID(env, fdClass, "fd", "I");
    jclass chClass = (*env)->FindClass(env, "sun/nio/ch/SocketChannelImpl");
    jmethodID chInit = chClass == NULL ? NULL : (*env)->GetMethodID(env, chClass, "<init>",
            "(Ljava/nio/channels/spi/SelectorProvider;Ljava/net/ProtocolFamily;Ljava/io/FileDescriptor;"
            "Ljava/net/SocketAddress;)V");
    if (fdInit == NULL || fdField == NULL || chInit == NULL) {
        (*env)->ExceptionClear(env);
        return NULL;
    }
    jobject fdObj = (*env)->NewObject(env, fdClass, fdInit);
    if (fdObj == NULL) {
        return NULL;
    }
    (*env)->SetIntField(env, fdObj, fdField, fd);
    return (*env)->NewObject(env, chClass, chInit, provider, family, fdObj, remote);
}
