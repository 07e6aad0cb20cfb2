/**
 * Helpers shared by the client's packages; not exported from the module, not API.
 */
package io.carmint.client.internal;
