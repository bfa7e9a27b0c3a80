package org.workbench.runtime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Readies the JDK's SAX parser while the framework initialises: the component runtime (Felix SCR)
 * parses every bundle's component descriptors with it when it starts, on the start's critical path,
 * and the first parses pay for the parser's class initialisation and run its scanner in the
 * interpreter. The parser's classes are the JDK's (the system bundle exports {@code javax.xml.parsers}),
 * so what this readies is what SCR then uses. Started by the launcher for a light run, on a thread of
 * its own, only when SCR has not kept the descriptors parsed in the bundle cache
 * ({@link ComponentMetadataCache}): then it parses none. Only an optimisation: any failure is ignored.
 */
final class ComponentXmlWarmUp {
    /** A descriptor of the kind the distribution's bundles carry (bnd writes them from the annotations). */
    private static final byte[] DESCRIPTOR = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"org.example.Provider\">\n"
            + "  <property name=\"workbench.kind\" type=\"String\" value=\"data\"/>\n"
            + "  <property name=\"workbench.name\" type=\"String\" value=\"gaussian-sample\"/>\n"
            + "  <property name=\"workbench.summary\" type=\"String\" value=\"n seeded draws of x = mean + eps\"/>\n"
            + "  <property name=\"workbench.light\" type=\"Boolean\" value=\"false\"/>\n"
            + "  <service>\n    <provide interface=\"org.workbench.api.Provider\"/>\n  </service>\n"
            + "  <reference name=\"data\" cardinality=\"0..n\" policy=\"dynamic\" interface=\"org.example.Data\""
            + " bind=\"bind\" unbind=\"unbind\"/>\n"
            + "  <implementation class=\"org.example.Provider\"/>\n</scr:component>\n").getBytes(StandardCharsets.UTF_8);
    /** About as many descriptors as the distribution's bundles hold. */
    private static final int PARSES = 24;

    private ComponentXmlWarmUp() {
    }

    /** Runs the warm-up on a daemon thread of its own. */
    static void start() {
        Thread t = new Thread(ComponentXmlWarmUp::run, "workbench-descriptor-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Parses {@link #DESCRIPTOR} as SCR does (a namespace-aware parser per bundle); returns the elements seen. */
    static int run() {
        int[] elements = new int[1];
        try {
            for (int i = 0; i < PARSES; i++) {
                SAXParserFactory factory = SAXParserFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.newSAXParser().parse(new ByteArrayInputStream(DESCRIPTOR), new DefaultHandler() {
                    @Override
                    public void startElement(String uri, String local, String qualified, org.xml.sax.Attributes a) {
                        elements[0]++;
                    }
                });
            }
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException | LinkageError e) {
            // a JVM without java.xml: SCR reports its own errors
        }
        return elements[0];
    }
}
