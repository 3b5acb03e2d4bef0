package org.convergence.localstack;

/**
 * How the soak gets a killed process back. Today the test restarts it through the launcher; once the launcher
 * supervises its processes (issue 13, item 4), this becomes a wait for the launcher to have done so.
 */
final class ProcessBack {

    private ProcessBack() {
    }

    static void await(LocalStack stack, String process) {
        stack.restart(process);
    }
}
