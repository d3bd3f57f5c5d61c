package dictbench.cli;

import dictbench.stats.PerformanceChange;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine;

/** The regression gate's settings, shared by {@code compare} and {@code ab}. */
final class GateOptions {

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "5%", converter = Fraction.class,
            description = "Smallest change worth failing for, as 5%% or 0.05 (default: 5%%).")
    double threshold;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.01",
            description = "Significance level after correction, in (0, 0.5]; intervals are at 1-A (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--correction", paramLabel = "holm|bh", defaultValue = "holm", converter = CorrectionConverter.class,
            description = "Multiple-comparison correction: holm (family-wise error) or bh (Benjamini-Hochberg, false discovery rate) "
                    + "(default: ${DEFAULT-VALUE}).")
    PerformanceChange.Correction correction;

    /** The settings the options name; a value out of range is a usage error on {@code commandLine}. */
    PerformanceChange.Settings settings(CommandLine commandLine) {
        try {
            return PerformanceChange.Settings.defaults().withThreshold(threshold).withAlpha(alpha).withCorrection(correction);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, "--" + e.getMessage());
        }
    }

    /** {@code 5%} → 0.05; {@code 0.05} → 0.05; a bare number of 1 or more is refused as ambiguous. */
    static final class Fraction implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String v = value.strip();
            try {
                if (v.endsWith("%")) {
                    return Double.parseDouble(v.substring(0, v.length() - 1).strip()) / 100;
                }
                double f = Double.parseDouble(v);
                if (f >= 1) {
                    throw new TypeConversionException("'" + value + "' is ambiguous: write " + v + "% or a fraction below 1");
                }
                return f;
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a percentage like 5% or a fraction like 0.05");
            }
        }
    }

    /** {@code holm} or {@code bh} (also {@code benjamini-hochberg}), any case. */
    static final class CorrectionConverter implements ITypeConverter<PerformanceChange.Correction> {
        @Override
        public PerformanceChange.Correction convert(String value) {
            try {
                return PerformanceChange.Correction.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
