package org.earlyhelp.hub.connector.api.batch;

/**
 * Thrown by a step that knows which record of the list it was given made it fail (the person being resolved, say), so
 * the batch support can set that record aside at once instead of splitting the batch to find it.
 */
public final class BatchItemFailure extends RuntimeException {

    private final int index;

    public BatchItemFailure(int index, Throwable cause) {
        super("record " + index + " of the batch failed: " + cause.getClass().getSimpleName(), cause);
        this.index = index;
    }

    /** The position, in the list the step was given, of the record that failed. */
    public int index() {
        return index;
    }
}
