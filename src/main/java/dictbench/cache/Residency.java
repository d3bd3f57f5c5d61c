package dictbench.cache;

import java.util.OptionalDouble;

/**
 * How much of one file sits in the page cache, as reported by {@code mincore(2)} at one instant.
 *
 * <p>A benchmark run that claims to measure a "cold" or a "warm" load is only honest if the file really
 * was (or was not) cached when the load started; this record is the evidence.
 *
 * @param pages         number of pages the file spans: {@code ceil(size / pageSize)}, 0 for an empty file
 * @param residentPages how many of those pages were in the page cache, {@code 0 <= residentPages <= pages}
 */
public record Residency(long pages, long residentPages) {

    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException if {@code pages < 0} or {@code residentPages} is outside {@code [0, pages]}
     */
    public Residency {
        if (pages < 0) {
            throw new IllegalArgumentException("pages must be >= 0, was " + pages);
        }
        if (residentPages < 0 || residentPages > pages) {
            throw new IllegalArgumentException(
                    "residentPages must be in [0, pages=" + pages + "], was " + residentPages);
        }
    }

    /**
     * The resident share of the file's pages, in {@code [0.0, 1.0]}.
     *
     * <p>An empty file has no pages, so "how much of it is cached" has no answer: rather than pick
     * 0.0 or 1.0 (either would be wrong for someone's check), the result is empty.
     *
     * @return {@code residentPages / pages}, or empty when {@code pages == 0}
     */
    public OptionalDouble fraction() {
        return pages == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) residentPages / pages);
    }
}
