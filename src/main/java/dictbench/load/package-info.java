/**
 * The ways of loading a set of dictionary files: {@link dictbench.load.Strategy} and one class per
 * strategy, all returning the same {@link dictbench.load.LoadResult} so each can be checked against
 * the manifest. Plain code with no JMH imports: tests, the CLI and the JMH adapters in
 * {@code dictbench.bench} all call it.
 *
 * <p>May import {@code dataset}, {@code cache} (ReadAhead asks which files are cached) and {@code os}.
 */
package dictbench.load;
