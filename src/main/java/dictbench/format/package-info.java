/**
 * How text output is made, for the report and the gate alike: {@link dictbench.format.OutputFormat} (one
 * document rendered to one named file, written atomically), {@link dictbench.format.Table} (the one table
 * model) rendered by {@link dictbench.format.TableFormat} (Markdown, CSV, HTML), {@link dictbench.format.Cells}
 * (how a number, an interval, a time or a ratio is written) and {@link dictbench.format.Svg} (plain SVG charts).
 *
 * <p>May import {@code stats} (the values it formats) and {@code os} (atomic writes); nothing else of dictbench.
 */
package dictbench.format;
