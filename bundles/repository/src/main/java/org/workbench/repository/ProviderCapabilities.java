package org.workbench.repository;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.osgi.framework.Version;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import aQute.bnd.osgi.resource.CapReqBuilder;

/**
 * For a jar built against an API older than 1.4 (whose {@code @WorkbenchProvider} did not yet put
 * its capability into the manifest): the providers it registers, read from its Declarative Services component descriptions
 * (the {@code workbench.kind}, {@code workbench.name} and {@code workbench.summary} properties that
 * {@code @WorkbenchProvider} makes bnd write at build time), as capabilities in the workbench's
 * namespace {@value #NAMESPACE}: a repository can then be searched by provider without installing anything.
 */
final class ProviderCapabilities {
    /** The namespace of the capability of each provider a resource registers. */
    static final String NAMESPACE = "org.workbench.provider";
    static final String KIND = "kind";
    static final String NAME = "name";
    static final String VERSION = "version";
    static final String SUMMARY = "summary";

    private ProviderCapabilities() {
    }

    /** One provider: kind, name, summary; its version is its bundle's. */
    record Provider(String kind, String name, String summary) {
        CapReqBuilder capability(Version version) {
            return new CapReqBuilder(NAMESPACE).addAttribute(KIND, kind).addAttribute(NAME, name)
                    .addAttribute(VERSION, version).addAttribute(SUMMARY, summary);
        }
    }

    /** The providers of the components listed in the jar's {@code Service-Component} header. */
    static List<Provider> read(Path jar) throws IOException {
        List<Provider> providers = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            String header = file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue("Service-Component");
            if (header == null) {
                return providers;
            }
            for (String path : header.split(",")) {
                ZipEntry entry = file.getEntry(path.trim());
                if (entry == null) {
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    Provider p = provider(in);
                    if (p != null) {
                        providers.add(p);
                    }
                } catch (SAXException | ParserConfigurationException e) {
                    throw new IOException(jar + ": component description " + path.trim() + " is not XML: "
                            + e.getMessage(), e);
                }
            }
        }
        return providers;
    }

    private static Provider provider(InputStream xml) throws IOException, SAXException, ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList properties = factory.newDocumentBuilder().parse(xml).getElementsByTagName("property");
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < properties.getLength(); i++) {
            Element e = (Element) properties.item(i);
            String value = e.hasAttribute("value") ? e.getAttribute("value") : e.getTextContent().trim();
            values.put(e.getAttribute("name"), value);
        }
        String kind = values.get("workbench.kind");
        String name = values.get("workbench.name");
        if (kind == null || name == null) {
            return null;
        }
        return new Provider(kind, name, values.getOrDefault("workbench.summary", ""));
    }
}
