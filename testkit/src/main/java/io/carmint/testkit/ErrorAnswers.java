package io.carmint.testkit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty itself gives to requests the handlers never see (a request line it cannot parse, a malformed
 * percent-escape in the path, headers too large) or that failed without an answer: the API's JSON error, or plain
 * text under {@code /ipfs/} as the gateway answers, never Jetty's HTML page. The message is the status's reason and
 * Jetty's short reason for a bad request; never an exception's text or a stack trace. Thread-safe.
 */
final class ErrorAnswers extends ErrorHandler {
  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    String text = text(code, cause);
    if (Gateway.handles(request.getHttpURI().getPath())) {
      Gateway.plain(response, callback, code, text);
    } else {
      Replies.error(response, callback, new HttpError(code, "HTTP_ERROR", text));
    }
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, Replies.JSON_TYPE);
    return ByteBuffer.wrap(Replies.errorBody(new HttpError(status, "HTTP_ERROR", text(status, null)))
        .getBytes(StandardCharsets.UTF_8));
  }

  private static String text(int code, Throwable cause) {
    String reason = HttpStatus.getMessage(code);
    if (cause instanceof HttpException h && h.getReason() != null && !h.getReason().equals(reason)) {
      return reason + ": " + h.getReason();
    }
    if (code == HttpStatus.BAD_REQUEST_400) {
      // Jetty refuses such requests before any handler sees them, without saying why
      return reason + ": the request line or headers are malformed (a bad %-escape in the path, for example)";
    }
    return reason;
  }
}
