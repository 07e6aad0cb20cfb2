package io.carmint.testkit;

/** An error answer in the API's JSON shape {@code {"ok":false,"error":{"code":…,"message":…}}}. */
final class HttpError extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  HttpError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  static HttpError badRequest(String message) {
    return new HttpError(400, "HTTP_ERROR", message);
  }

  static HttpError invalidCar(String reason) {
    return new HttpError(400, "ERROR_INVALID_CAR", "Invalid CAR file received: " + reason);
  }

  static HttpError tooLarge(long maxRequestBytes) {
    return new HttpError(413, "ERROR_PAYLOAD_TOO_LARGE", "Request Entity Too Large: the body exceeds "
        + maxRequestBytes + " bytes; split CARs with the treewalk strategy");
  }

  /** A gateway answer other than 200: plain text, not the API's JSON. */
  static HttpError gateway(int status, String message) {
    return new HttpError(status, "GATEWAY", message);
  }

  static HttpError notFound() {
    return new HttpError(404, "HTTP_ERROR", "NFT not found");
  }
}
