package io.carmint.client;

import java.io.IOException;
import java.util.Optional;

/**
 * The service answered a request with an error. Carries the HTTP status and, when the service sent its JSON error
 * shape {@code {"ok":false,"error":{"name"|"code":…,"message":…}}}, the error's name and message. Subclasses name
 * the remedies: {@link BadRequestException} (400), {@link UnauthorizedException} (401),
 * {@link ForbiddenException} (403), {@link NotFoundException} (404), {@link PayloadTooLargeException} (413),
 * {@link RateLimitedException} (429), {@link ServerErrorException} (5xx after retries),
 * {@link MalformedResponseException} (a success status with a body that is not the documented JSON). Other
 * statuses arrive as this class.
 *
 * <p>The message reads {@code "POST /upload: HTTP 400 ERROR_INVALID_CID: Invalid CID: foo"}. It never holds the
 * token or request headers; when the body was not JSON (a proxy's HTML error page) it holds the page title or a
 * short snippet. Immutable.
 */
public class ApiException extends IOException {
  private static final long serialVersionUID = 1L;

  /** What {@link #status()} returns. */
  private final int status;
  /** What {@link #request()} returns. */
  private final String request;
  /** What {@link #errorName()} returns. */
  private final String errorName;
  /** What {@link #serviceMessage()} returns. */
  private final String serviceMessage;

  ApiException(int status, String request, String errorName, String serviceMessage, String detail) {
    super(format(status, request, errorName, serviceMessage, detail));
    this.status = status;
    this.request = request;
    this.errorName = errorName;
    this.serviceMessage = serviceMessage;
  }

  ApiException(ErrorReply reply) {
    this(reply.status(), reply.request(), reply.name(), reply.message(), reply.detail());
  }

  private static String format(int status, String request, String name, String message, String detail) {
    StringBuilder sb = new StringBuilder();
    sb.append(request).append(": HTTP ").append(status);
    if (name != null && !name.isEmpty()) {
      sb.append(' ').append(name).append(':');
    }
    if (message != null && !message.isEmpty()) {
      sb.append(' ').append(message);
    } else if (name == null || name.isEmpty()) {
      sb.append(' ').append(ErrorReply.reasonPhrase(status));
    }
    if (detail != null && !detail.isEmpty()) {
      sb.append(" (").append(detail).append(')');
    }
    return sb.toString();
  }

  /** @return the HTTP status of the answer */
  public int status() {
    return status;
  }

  /** @return the request as {@code "METHOD /path"}, without host, query secrets or headers */
  public String request() {
    return request;
  }

  /** @return the service's {@code error.name} (or {@code error.code}), if it sent one */
  public Optional<String> errorName() {
    return Optional.ofNullable(errorName);
  }

  /** @return the service's {@code error.message}, if it sent one */
  public Optional<String> serviceMessage() {
    return Optional.ofNullable(serviceMessage);
  }
}
