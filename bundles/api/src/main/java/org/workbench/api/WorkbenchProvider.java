package org.workbench.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Declares a provider's service properties: a Declarative Services component property type
 * (DS 1.4), so that bnd writes {@link Provider#KIND}, {@link Provider#NAME} and
 * {@link Provider#SUMMARY} into the component description at build time:
 *
 * <pre>{@code
 * @Component(service = Provider.class)
 * @WorkbenchProvider(kind = Kinds.PRIOR, name = "laplace", summary = "Independent Laplace per coordinate")
 * public final class LaplacePriorProvider implements Provider<Prior> { ... }
 * }</pre>
 *
 * @since 1.2
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WorkbenchProvider {
    /** The prefix of every property this annotation declares: {@code workbench.kind}, {@code workbench.name}, ... */
    String PREFIX_ = "workbench.";

    /** The kind of component, one of {@link Kinds}; becomes {@link Provider#KIND}. */
    String kind();

    /** The name a descriptor's {@code use} refers to; becomes {@link Provider#NAME}. */
    String name();

    /** A one-line description for {@code list} and {@code describe}; becomes {@link Provider#SUMMARY}. */
    String summary() default "";

    /**
     * Short command-line options that stand for parameters, for an executor; becomes
     * {@link Provider#OPTIONS}. {@code "--join=join"} makes {@code --join HOST:PORT} the same as
     * {@code --with join=HOST:PORT}; {@code "--no-fetch=fetch=false"} is an option without a value
     * that sets {@code fetch} to {@code false}.
     *
     * @since 1.4
     */
    String[] options() default {};

    /**
     * Whether a task computes little (closed forms, quadrature, a small gradient check), so that a
     * run of it is over before the JVM's optimising compiler would pay for itself: the
     * {@code ./workbench} script then starts the JVM with the quick compiler alone. Becomes
     * {@link Provider#LIGHT}.
     *
     * @since 1.4
     */
    boolean light() default false;
}
