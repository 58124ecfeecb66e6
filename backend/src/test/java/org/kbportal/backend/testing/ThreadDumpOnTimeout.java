package org.kbportal.backend.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Prints every thread's stack (with held locks) when a test fails with a timeout, so that a hang seen
 * only on a CI machine can be diagnosed from its log. The failure itself is rethrown unchanged.
 */
public final class ThreadDumpOnTimeout implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (isTimeout(failure)) {
            System.err.println(dump("Thread dump after a timeout in " + context.getDisplayName()));
        }
        throw failure;
    }

    static boolean isTimeout(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (c instanceof java.util.concurrent.TimeoutException
                    || m.contains("timeout")
                    || m.contains("timed out")) {
                return true;
            }
        }
        return false;
    }

    /** All live threads with their full stacks, monitors and synchronizers. */
    public static String dump(String title) {
        StringBuilder sb = new StringBuilder("==== ").append(title).append(" ====\n");
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            sb.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
            if (info.getLockName() != null) {
                sb.append(" on ").append(info.getLockName());
            }
            if (info.getLockOwnerName() != null) {
                sb.append(" owned by \"").append(info.getLockOwnerName()).append('"');
            }
            sb.append('\n');
            for (StackTraceElement e : info.getStackTrace()) {
                sb.append("    at ").append(e).append('\n');
            }
            for (var s : info.getLockedSynchronizers()) {
                sb.append("    holds ").append(s).append('\n');
            }
            sb.append('\n');
        }
        return sb.append("==== end of thread dump ====").toString();
    }
}
