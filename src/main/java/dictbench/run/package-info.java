/**
 * The vocabulary that benchmarks and readers of results share, so no name is typed twice: the
 * benchmark catalogue ({@link dictbench.run.Catalogue}: class, label, params, load or baseline), the
 * per-shot counters with their units ({@link dictbench.run.Counter}), the heap profiles and JVM states a
 * load runs in ({@link dictbench.run.HeapProfile}, {@link dictbench.run.JvmState}), and the files of a run
 * directory ({@link dictbench.run.RunLayout}).
 *
 * <p>May import nothing of dictbench, and no JMH: JMH's classes are in {@code bench}, which names its
 * counter fields and classes after these.
 */
package dictbench.run;
