/**
 * Dataset specs, the deterministic generator, the manifest that proves what was written, the file
 * formats (a writer and a reader each) and the description of the filesystems the files live on.
 *
 * <p>May import {@code os} (atomic writes); {@code load}, {@code bench} and {@code cli} build on it.
 */
package dictbench.dataset;
