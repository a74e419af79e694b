package org.actionhero4j.transport.jetty.tck;

import org.actionhero4j.tck.ServerUnderTestProvider;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/** Every TCK suite, and the transport adapter contract, on Jetty ({@link JettyServerUnderTest}). */
@Suite
@SelectPackages("org.actionhero4j.tck")
@IncludeClassNamePatterns(ServerUnderTestProvider.SUITES)
class JettyTckTest {}
