/**
 * The ways of loading a set of dictionary files: {@link dictbench.load.Strategy} and one class per
 * strategy ({@code SequentialStrategy}, {@code PlatformThreadsStrategy}, {@code VirtualThreadsStrategy},
 * {@code ForkJoinStrategy}, {@code AsyncStrategy}, and the child-process policies {@link dictbench.load.SpawnStrategy} and
 * {@link dictbench.load.PoolStrategy} over their shared {@link dictbench.load.SubprocessStrategy}), all
 * returning the same {@link dictbench.load.LoadResult} so each can be checked against the manifest. Plain
 * code with no JMH imports: tests, the CLI and the JMH adapters in {@code dictbench.bench} all call it.
 * The child-process protocol is in {@code load.subprocess}.
 *
 * <p>May import {@code dataset}, {@code cache} (ReadAhead asks which files are cached) and {@code os}.
 */
package dictbench.load;
