/**
 * JUnit 5 support for the embedded service: {@link io.carmint.testkit.junit.LocalNftStorageExtension} starts a
 * {@link io.carmint.testkit.LocalNftStorage} around tests. The only package of the testkit that needs JUnit.
 */
package io.carmint.testkit.junit;
