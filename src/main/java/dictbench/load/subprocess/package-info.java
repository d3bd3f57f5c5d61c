/**
 * The child-process protocol, in one place, as JMH keeps its own in {@code runner/link}:
 * {@link dictbench.load.subprocess.Frames} (the bytes of hello, request, result, blocks, error, and their
 * limits), {@link dictbench.load.subprocess.Connection} (the parent's end of one child: its process, its
 * frames, deadlines, and fault reports naming the child, how it ended and its stderr),
 * {@link dictbench.load.subprocess.Worker} (the child's main class) and
 * {@link dictbench.load.subprocess.PipeCapacity} (the child grows its stdout pipe). The strategies that use
 * it ({@code load.SpawnStrategy}, {@code load.PoolStrategy}) decide which child gets which file.
 *
 * <p>May import {@code dataset} (the formats a child decodes and re-encodes) and {@code os}; never the
 * rest of {@code load}, so the protocol does not know the policies.
 */
package dictbench.load.subprocess;
