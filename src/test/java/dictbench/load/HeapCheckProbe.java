package dictbench.load;

/**
 * A child JVM for {@link HeapBudgetTest}: checks the heap of the default dataset's shape (6 files × 1 M
 * entries × 68 MB) against this JVM's heap, as a benchmark fork does; exit 0 if it fits, 3 with the message if not.
 */
public final class HeapCheckProbe {
    private HeapCheckProbe() {
    }

    public static void main(String[] args) {
        try {
            HeapBudget.check(HeapBudgetTest.manifest(6, 1_000_000, 68_000_000), HeapBudget.maxHeapBytes());
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(3);
        }
    }
}
