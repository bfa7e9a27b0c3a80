package org.workbench.web;

import org.osgi.service.component.annotations.Component;

/**
 * {@code /static/*}: this bundle's {@code static/} folder (the page script and style, uPlot and KaTeX
 * unpacked from their webjars at build time), served by the HTTP Whiteboard's resource support.
 */
@Component(service = StaticResources.class, property = { "osgi.http.whiteboard.resource.pattern=/static/*",
        "osgi.http.whiteboard.resource.prefix=/static" })
public final class StaticResources {
}
