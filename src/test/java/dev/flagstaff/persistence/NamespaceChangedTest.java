package dev.flagstaff.persistence;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamespaceChangedTest {

    @Test
    void flagWritesOfOneTransactionAreNamedOnceEachInOrder() {
        NamespaceChanged change = new NamespaceChanged("ns", "b");
        change.note("a");
        change.note("b");
        change.note("c");
        assertFalse(change.wholeNamespace());
        assertEquals(List.of("b", "a", "c"), List.copyOf(change.flagKeys()));
    }

    @Test
    void aWriteThatIsNotOneFlagsMakesItAWholeNamespaceChangeForGood() {
        NamespaceChanged segmentFirst = new NamespaceChanged("ns", null);
        segmentFirst.note("a");
        assertTrue(segmentFirst.wholeNamespace());
        assertTrue(segmentFirst.flagKeys().isEmpty());

        NamespaceChanged segmentLater = new NamespaceChanged("ns", "a");
        segmentLater.note(null);
        segmentLater.note("b");
        assertTrue(segmentLater.wholeNamespace());
    }

    @Test
    void moreFlagsThanTheLimitAreAWholeNamespaceChange() {
        NamespaceChanged change = new NamespaceChanged("ns", "f0");
        for (int i = 1; i < NamespaceChanged.MAX_FLAGS; i++) {
            change.note("f" + i);
        }
        change.note("f0"); // again: still within the limit
        assertFalse(change.wholeNamespace());
        assertEquals(NamespaceChanged.MAX_FLAGS, change.flagKeys().size());
        change.note("one-more");
        assertTrue(change.wholeNamespace());
    }

    @Test
    void theNamespaceIsLockedOnceItsRowWasUpdated() {
        NamespaceChanged change = new NamespaceChanged("ns", null);
        assertFalse(change.locked());
        change.markLocked();
        assertTrue(change.locked());
    }
}
