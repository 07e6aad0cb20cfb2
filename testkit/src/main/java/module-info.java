/**
 * An embedded NFT.Storage-compatible service and Trustless Gateway on Jetty, and its JUnit 5 extension.
 *
 * <p>JUnit is optional: only {@code io.carmint.testkit.junit} needs {@code org.junit.jupiter.api}.
 */
module io.carmint.testkit {
  requires transitive io.carmint.pack;
  requires org.eclipse.jetty.server;
  requires org.eclipse.jetty.http;
  requires org.eclipse.jetty.io;
  requires org.eclipse.jetty.util;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires static transitive org.junit.jupiter.api;

  exports io.carmint.testkit;
  exports io.carmint.testkit.junit;

  opens io.carmint.testkit to com.fasterxml.jackson.databind;
}
