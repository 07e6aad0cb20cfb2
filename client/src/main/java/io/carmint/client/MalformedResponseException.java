package io.carmint.client;

/**
 * The service answered with a success status but a body that is not the documented JSON: an HTML page, truncated or
 * invalid JSON, {@code "ok": false}, or a required field missing. Not retried: a service that answers this way is
 * misconfigured (a wrong endpoint, a proxy page) rather than briefly unavailable. The message holds a short snippet
 * of the body.
 */
public final class MalformedResponseException extends ApiException {
  private static final long serialVersionUID = 1L;

  MalformedResponseException(int status, String request, String detail) {
    super(status, request, null, "unexpected response body", detail);
  }
}
