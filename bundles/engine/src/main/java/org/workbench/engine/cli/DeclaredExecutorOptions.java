package org.workbench.engine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.workbench.api.Kinds;
import org.workbench.api.Provider;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The short options that the executors in bundle jars declare ({@link Provider#OPTIONS}), read from
 * the jars' component descriptors ({@code Service-Component}) without installing or starting them:
 * what an unknown option of {@code run} is checked against, so that a mistyped option does not start
 * the cluster executor's bundles (Hazelcast, 21 MB) only to be refused. A jar that cannot be read
 * declares nothing.
 */
final class DeclaredExecutorOptions {
    private DeclaredExecutorOptions() {
    }

    /** The option declarations ({@code --OPTION=PARAMETER[=VALUE]}) of every executor component in {@code jars}, in order. */
    static List<String> of(List<Path> jars) {
        List<String> out = new ArrayList<>();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                String header = file.getManifest() == null ? null
                        : file.getManifest().getMainAttributes().getValue("Service-Component");
                if (header == null) {
                    continue;
                }
                for (String path : header.split(",")) {
                    ZipEntry entry = file.getEntry(path.strip());
                    if (entry != null) {
                        try (InputStream in = file.getInputStream(entry)) {
                            out.addAll(executorOptions(in));
                        }
                    }
                }
            } catch (IOException | SAXException | ParserConfigurationException | RuntimeException unreadable) {
                // not a jar, or a descriptor that is not XML: nothing declared
            }
        }
        return out;
    }

    /** The declarations of one component descriptor, when it is an executor's. */
    private static List<String> executorOptions(InputStream in) throws IOException, SAXException, ParserConfigurationException {
        List<String> options = new ArrayList<>();
        boolean[] executor = {false};
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.newSAXParser().parse(in, new DefaultHandler() {
            private StringBuilder text;

            @Override
            public void startElement(String uri, String local, String qualified, Attributes a) {
                String name = a.getValue("name");
                if (!"property".equals(local) || name == null) {
                    return;
                }
                String value = a.getValue("value");
                if (name.equals(Provider.KIND) && Kinds.EXECUTOR.equals(value)) {
                    executor[0] = true;
                } else if (name.equals(Provider.OPTIONS)) {
                    if (value != null) {
                        options.add(value.strip());
                    } else {
                        text = new StringBuilder();
                    }
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (text != null) {
                    text.append(ch, start, length);
                }
            }

            @Override
            public void endElement(String uri, String local, String qualified) {
                if (text != null) {
                    text.toString().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(options::add);
                    text = null;
                }
            }
        });
        return executor[0] ? options : List.of();
    }
}
