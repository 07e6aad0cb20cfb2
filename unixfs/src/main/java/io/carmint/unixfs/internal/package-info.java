/**
 * Helpers shared by carmint's modules; not API. The module exports this package only to {@code io.carmint.client}.
 */
package io.carmint.unixfs.internal;
