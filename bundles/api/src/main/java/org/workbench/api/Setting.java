package org.workbench.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one parameter on a component of a provider's settings record, so that each parameter is
 * written once: {@link Parameter#declaredBy(Class)} derives the provider's {@link Provider#parameters()}
 * (name, type, default, range, description) from the record, and {@link Parameters#as(Class)} reads
 * the validated values into it.
 *
 * <pre>{@code
 * record Settings(
 *         @Setting(value = "centre of every coordinate", defaultValue = "0") double location,
 *         @Setting(value = "scale s of every coordinate", defaultValue = "1", greaterThan = 0) double scale) {
 * }
 * static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);
 * ...
 * Settings s = parameters.as(Settings.class);
 * }</pre>
 *
 * The parameter's name is the component's name (or {@link #name()}); its type follows from the component's Java type
 * ({@code double}: number; {@code long} or {@code int}: integer; {@code boolean}; {@code String};
 * {@code Path}; {@code double[]}: vector; {@link PerCoordinate}: number or vector; {@code double[][]}:
 * matrix; {@code Map}: named matrices) unless {@link #type()} names another that the component can
 * hold. A parameter without {@link #defaultValue()} is required unless {@link #optional()}.
 *
 * @since 1.4
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Setting {
    /** The value of {@link #defaultValue()} that means "no default". */
    String NO_DEFAULT = "\u0000no default";

    /** The one-line description that {@code describe} prints. */
    String value();

    /**
     * The parameter's name where it cannot be the component's, a Java keyword such as {@code interface};
     * empty (the default) for the component's name.
     */
    String name() default "";

    /**
     * The default as text, read as the parameter's type: a number ({@code "1e-6"}), a whole number
     * ({@code "100000"}), {@code "true"} or {@code "false"}, a string, a path, or numbers separated by
     * commas for a vector. A parameter with a default is optional.
     */
    String defaultValue() default NO_DEFAULT;

    /** Optional without a default: the component is {@code null} when the descriptor leaves it out. */
    boolean optional() default false;

    /** Values (every element, for arrays) must be at least this. */
    double atLeast() default Double.NEGATIVE_INFINITY;

    /** Values (every element, for arrays) must be greater than this. */
    double greaterThan() default Double.NEGATIVE_INFINITY;

    /** Values (every element, for arrays) must be at most this. */
    double atMost() default Double.POSITIVE_INFINITY;

    /** Values (every element, for arrays) must be less than this. */
    double lessThan() default Double.POSITIVE_INFINITY;

    /** The allowed strings of a string parameter; empty when any string is allowed. */
    String[] oneOf() default {};

    /**
     * The parameter's type where the component's Java type does not say it: at most one, for example
     * {@code VECTOR_OR_MATRIX} on a {@code double[][]} or {@code NUMBER_OR_VECTOR} on a {@code double[]}.
     */
    Parameter.Type[] type() default {};
}
