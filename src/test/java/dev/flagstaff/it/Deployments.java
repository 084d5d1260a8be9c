package dev.flagstaff.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The WAR that {@code mvn package} built, deployed as is at context root {@code /} (hence ROOT.war). */
final class Deployments {

    private Deployments() {
    }

    static WebArchive builtWar() {
        File war = new File(System.getProperty("flagstaff.it.war", "target/flagstaff.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("run the tests with mvn verify: " + war + " is not built");
        }
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }
}
