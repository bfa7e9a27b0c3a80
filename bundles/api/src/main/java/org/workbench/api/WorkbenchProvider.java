package org.workbench.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Attribute;
import org.osgi.annotation.bundle.Capability;
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
 * <p>It is also a bundle annotation: bnd writes, at build time, one capability per provider into the
 * bundle's {@code Provide-Capability} header, in the namespace {@value #CAPABILITY_NAMESPACE} with the
 * attributes {@code kind}, {@code name} and {@code summary} (the provider's version is its bundle's),
 * so any standard OSGi repository indexer carries the providers and a repository can be searched by
 * provider without installing anything (since 1.4).
 *
 * @since 1.2
 */
@ComponentPropertyType
@Capability(namespace = WorkbenchProvider.CAPABILITY_NAMESPACE)
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WorkbenchProvider {
    /** The prefix of every property this annotation declares: {@code workbench.kind}, {@code workbench.name}, ... */
    String PREFIX_ = "workbench.";

    /**
     * The namespace of the capability this annotation puts in the bundle's manifest, one per provider.
     *
     * @since 1.4
     */
    String CAPABILITY_NAMESPACE = "org.workbench.provider";

    /** The kind of component, one of {@link Kinds}; becomes {@link Provider#KIND}. */
    @Attribute("kind")
    String kind();

    /** The name a descriptor's {@code use} refers to; becomes {@link Provider#NAME}. */
    @Attribute("name")
    String name();

    /** A one-line description for {@code list} and {@code describe}; becomes {@link Provider#SUMMARY}. */
    @Attribute("summary")
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
