package org.earlyhelp.hub.governance.review;

/** The review item is not open (already released or refused), or there is no such item. */
public final class ReviewClosed extends RuntimeException {

    private final boolean missing;

    private ReviewClosed(String message, boolean missing) {
        super(message);
        this.missing = missing;
    }

    static ReviewClosed missing() {
        return new ReviewClosed("no such review item", true);
    }

    static ReviewClosed closed(ReviewItem item) {
        return new ReviewClosed(
                "already " + item.status().name().toLowerCase(java.util.Locale.ROOT) + " by " + item.closedBy() + " at "
                        + item.closedAt(),
                false);
    }

    /** Whether the item does not exist at all (rather than being closed). */
    public boolean missingItem() {
        return missing;
    }
}
