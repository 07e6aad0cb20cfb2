package io.carmint.client;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an error answer said, read defensively: the JSON error shape when the body is JSON, otherwise the HTML
 * page's title or a short snippet of the text. Package-private; turned into the typed exceptions.
 *
 * @param status the HTTP status
 * @param request {@code "METHOD /path"}
 * @param name {@code error.name} or {@code error.code}, or null
 * @param message {@code error.message}, or null
 * @param detail the title or snippet of a non-JSON body, or other context; or null
 * @param retryAfter the {@code Retry-After} the service sent, or null
 */
record ErrorReply(int status, String request, String name, String message, String detail, Duration retryAfter) {
  /** Longest snippet of a non-JSON body put into a message. */
  static final int MAX_SNIPPET = 200;

  private static final Pattern SPACE = Pattern.compile("\\s+");

  ErrorReply withDetail(String extra) {
    String d = detail == null || detail.isEmpty() ? extra : detail + "; " + extra;
    return new ErrorReply(status, request, name, message, d, retryAfter);
  }

  /**
   * @param body the first bytes of the body, decoded as UTF-8 (may be cut)
   * @param contentType the {@code Content-Type} header, or null
   * @param retryAfterHeader the {@code Retry-After} header, or null
   * @param now the wall clock, for {@code Retry-After} dates
   */
  static ErrorReply read(int status, String request, String body, String contentType, String retryAfterHeader,
      Instant now) {
    Duration retryAfter = parseRetryAfter(retryAfterHeader, now);
    String trimmed = body.strip();
    boolean looksJson = (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json"))
        || trimmed.startsWith("{");
    if (looksJson) {
      try {
        JsonNode root = Json.MAPPER.readTree(trimmed);
        if (root != null && root.isObject()) {
          JsonNode error = root.path("error");
          String name = text(error.get("name"));
          if (name == null) {
            name = text(error.get("code"));
          }
          String message = text(error.get("message"));
          if (message == null && error.isTextual()) {
            message = error.asText();
          }
          if (message == null) {
            message = text(root.get("message"));
          }
          if (name != null || message != null) {
            return new ErrorReply(status, request, name, oneLine(message), null, retryAfter);
          }
        }
      } catch (JacksonException e) {
        // not JSON after all: fall through to the text snippet
      }
    }
    return new ErrorReply(status, request, null, null, snippet(trimmed), retryAfter);
  }

  /**
   * @return the HTML title, else the text without tags, squeezed to one line and cut to {@value #MAX_SNIPPET}.
   *     Linear in the length of {@code body}: a server's body can be anything, and a regular expression for
   *     {@code <title>} or tags backtracks quadratically on one made of {@code <} (seconds for 64 KiB).
   */
  static String snippet(String body) {
    if (body.isEmpty()) {
      return null;
    }
    String text = title(body);
    if (text == null) {
      text = withoutTags(body);
    }
    text = SPACE.matcher(text).replaceAll(" ").strip();
    if (text.isEmpty()) {
      return null;
    }
    return text.length() <= MAX_SNIPPET ? text : text.substring(0, MAX_SNIPPET) + "…";
  }

  /** @return what stands between the first {@code <title…>} and the next {@code </title>} (any case), or null */
  private static String title(String body) {
    int open = indexOfIgnoreCase(body, "<title", 0);
    int start = open < 0 ? -1 : body.indexOf('>', open);
    int end = start < 0 ? -1 : indexOfIgnoreCase(body, "</title>", start + 1);
    return end < 0 ? null : body.substring(start + 1, end);
  }

  private static int indexOfIgnoreCase(String s, String needle, int from) {
    for (int i = from; i <= s.length() - needle.length(); i++) {
      if (s.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }

  /** @return {@code body} with every {@code <…>} replaced by a space (a {@code <} that is never closed stays) */
  private static String withoutTags(String body) {
    StringBuilder out = new StringBuilder(body.length());
    int i = 0;
    while (i < body.length()) {
      int open = body.indexOf('<', i);
      int close = open < 0 ? -1 : body.indexOf('>', open);
      if (close < 0) {
        out.append(body, i, body.length());
        break;
      }
      out.append(body, i, open).append(' ');
      i = close + 1;
    }
    return out.toString();
  }

  /**
   * @return the wait the header asks for: delta-seconds or an HTTP date; null if absent or unreadable; never
   *     negative
   */
  static Duration parseRetryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String h = header.strip();
    try {
      long seconds = Long.parseLong(h);
      return Duration.ofSeconds(Math.max(0, Math.min(seconds, 86_400L * 365)));
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(now, at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  static String reasonPhrase(int status) {
    switch (status) {
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 405: return "Method Not Allowed";
      case 413: return "Payload Too Large";
      case 429: return "Too Many Requests";
      case 500: return "Internal Server Error";
      case 502: return "Bad Gateway";
      case 503: return "Service Unavailable";
      case 504: return "Gateway Timeout";
      default: return "";
    }
  }

  /** @return the typed exception for an answer that will not be retried (again) */
  ApiException toException(int attempts) {
    switch (status) {
      case 400: return new BadRequestException(this);
      case 401: return new UnauthorizedException(this);
      case 403: return new ForbiddenException(this);
      case 404: return new NotFoundException(this);
      case 413: return new PayloadTooLargeException(this);
      case 429: return new RateLimitedException(this, attempts);
      default:
        if (status >= 500 && status < 600) {
          return new ServerErrorException(this, attempts);
        }
        return new ApiException(this);
    }
  }

  private static String text(JsonNode n) {
    return n != null && n.isValueNode() && !n.isNull() ? n.asText() : null;
  }

  private static String oneLine(String s) {
    return s == null ? null : SPACE.matcher(s).replaceAll(" ").strip();
  }
}
