/**
 * Reading JMH JSON results and describing the environment they came from; turning them, through
 * {@code dictbench.stats}, into tables. May import {@code stats} (and Jackson for JSON).
 */
package dictbench.report;
