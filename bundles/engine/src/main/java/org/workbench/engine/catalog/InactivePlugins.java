package org.workbench.engine.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Finds the providers of the plugins folder that are not active: the components that an unresolved
 * bundle declares (read from its Declarative Services descriptors, which the framework does not
 * need to resolve the bundle to read), and registered providers without {@code @WorkbenchProvider}.
 */
final class InactivePlugins {
    private final BundleContext context;

    InactivePlugins(BundleContext context) {
        this.context = context;
    }

    /** @param unnamed the tracked provider services that lack {@code workbench.kind} or {@code workbench.name} */
    List<InactivePlugin> find(List<ServiceReference<?>> unnamed) {
        List<InactivePlugin> out = new ArrayList<>();
        String folder = context.getProperty(PluginFolder.PROPERTY);
        PluginFolder plugins = new PluginFolder(context);
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() == 0 || b.getState() != Bundle.INSTALLED || !inFolder(b, folder)
                    || b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            String reason = plugins.unresolved(b).replaceFirst("^NOT RESOLVED: ", "");
            if (b.getState() != Bundle.INSTALLED) {
                continue; // it resolved when asked why
            }
            Map<String, String> declared = declaredProviders(b);
            if (declared.isEmpty()) {
                out.add(new InactivePlugin(null, null, where(b), reason, hint(b, "")));
            }
            declared.forEach((name, kind) -> out.add(new InactivePlugin(kind, name, where(b), reason, hint(b, ""))));
        }
        for (ServiceReference<?> ref : unnamed) {
            Bundle b = ref.getBundle();
            if (b == null) {
                continue;
            }
            Object component = ref.getProperty("component.name");
            String type = component == null ? "a Provider" : component.toString();
            out.add(new InactivePlugin(stringOrNull(ref.getProperty(org.workbench.api.Provider.KIND)), null, where(b),
                    "has no @WorkbenchProvider: " + type + " registers a Provider without the service properties "
                            + org.workbench.api.Provider.KIND + " and " + org.workbench.api.Provider.NAME
                            + ", so no descriptor can name it (annotate the class with @WorkbenchProvider(kind = ..., "
                            + "name = ...))",
                    hint(b, type)));
        }
        return out;
    }

    private static String stringOrNull(Object o) {
        return o instanceof String s ? s : null;
    }

    private static boolean inFolder(Bundle b, String folder) {
        if (folder == null) {
            return false;
        }
        String location = b.getLocation();
        String name = java.nio.file.Path.of(folder).getFileName() == null ? folder
                : java.nio.file.Path.of(folder).getFileName().toString();
        return location.contains(folder) || location.contains("/" + name + "/");
    }

    private static String where(Bundle b) {
        String location = b.getLocation();
        String jar = location.substring(location.lastIndexOf('/') + 1);
        return jar + ", bundle " + b.getSymbolicName() + " " + b.getVersion();
    }

    private static String hint(Bundle b, String type) {
        return type + " " + b.getSymbolicName() + " " + b.getLocation().substring(b.getLocation().lastIndexOf('/') + 1);
    }

    /** The (name, kind) of every provider component the bundle's Declarative Services descriptors declare. */
    private static Map<String, String> declaredProviders(Bundle b) {
        Map<String, String> out = new LinkedHashMap<>();
        String header = b.getHeaders().get("Service-Component");
        if (header == null) {
            return out;
        }
        for (String path : header.split(",")) {
            for (URL url : entries(b, path.trim())) {
                read(url, out);
            }
        }
        return out;
    }

    private static List<URL> entries(Bundle b, String path) {
        List<URL> urls = new ArrayList<>();
        int slash = path.lastIndexOf('/');
        String file = path.substring(slash + 1);
        if (file.contains("*")) {
            Enumeration<URL> found = b.findEntries(slash < 0 ? "/" : path.substring(0, slash), file, false);
            while (found != null && found.hasMoreElements()) {
                urls.add(found.nextElement());
            }
        } else {
            URL url = b.getEntry(path);
            if (url != null) {
                urls.add(url);
            }
        }
        return urls;
    }

    private static void read(URL url, Map<String, String> out) {
        try (InputStream in = url.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(in);
            NodeList properties = doc.getElementsByTagNameNS("*", "property");
            if (properties.getLength() == 0) {
                properties = doc.getElementsByTagName("property");
            }
            String kind = null;
            String name = null;
            for (int i = 0; i < properties.getLength(); i++) {
                Element p = (Element) properties.item(i);
                if (p.getAttribute("name").equals(org.workbench.api.Provider.KIND)) {
                    kind = p.getAttribute("value");
                } else if (p.getAttribute("name").equals(org.workbench.api.Provider.NAME)) {
                    name = p.getAttribute("value");
                }
            }
            if (name != null && !name.isEmpty()) {
                out.put(name, kind);
            }
        } catch (IOException | ParserConfigurationException | SAXException | RuntimeException e) {
            // a descriptor that cannot be read explains nothing; list shows the bundle's state
        }
    }
}
