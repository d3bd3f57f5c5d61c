/**
 * Dataset specs, the deterministic generator, the manifest that proves what was written, the file
 * formats (a writer and a reader each) and the description of the filesystems the files live on.
 *
 * <p>Depends on nothing else of dictbench; {@code load}, {@code bench} and {@code cli} build on it.
 */
package dictbench.dataset;
