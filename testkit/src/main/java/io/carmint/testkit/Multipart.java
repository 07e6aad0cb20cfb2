package io.carmint.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A streaming reader of {@code multipart/form-data} bodies (RFC 7578): each part's content is copied to a file as
 * it is read, so a body of any size needs a 64 KiB buffer. File names are read as browsers and the WHATWG
 * {@code FormData} write them: UTF-8 in quotes, with {@code "}, CR and LF as {@code %22}, {@code %0D}, {@code %0A};
 * {@code filename*=UTF-8''…} (RFC 5987) is understood too.
 */
final class Multipart {
  static final int MAX_HEADER_BYTES = 16 * 1024;
  static final int MAX_PARTS = 100_000;

  /**
   * One part.
   *
   * @param name the form field name
   * @param filename the file name, or null for a plain field
   * @param contentType the part's media type, or null
   * @param file where its content was copied
   */
  record Part(String name, String filename, String contentType, Path file) {
  }

  private final InputStream in;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int limit;
  private boolean eof;

  private Multipart(InputStream in) {
    this.in = in;
  }

  /** @return the {@code boundary} parameter of a multipart media type */
  static String boundary(String contentType) throws HttpError {
    Map<String, String> params = parameters(contentType);
    String b = params.get("boundary");
    if (b == null || b.isEmpty() || b.length() > 200) {
      throw HttpError.badRequest("multipart/form-data without a valid boundary");
    }
    return b;
  }

  /**
   * Reads every part of {@code in} into files in {@code dir}.
   *
   * @throws HttpError 400 if the body is not well-formed multipart
   */
  static List<Part> read(InputStream in, String boundary, Path dir) throws IOException, HttpError {
    return new Multipart(in).parts(boundary, dir);
  }

  private List<Part> parts(String boundary, Path dir) throws IOException, HttpError {
    byte[] first = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    if (!copyUntil(first, OutputStream.nullOutputStream(), Long.MAX_VALUE)) {
      throw HttpError.badRequest("multipart body without its boundary");
    }
    List<Part> parts = new ArrayList<>();
    while (true) {
      fill(2);
      if (limit - pos < 2) {
        throw HttpError.badRequest("multipart body ends after a boundary");
      }
      if (buf[pos] == '-' && buf[pos + 1] == '-') {
        return parts;
      }
      if (buf[pos] != '\r' || buf[pos + 1] != '\n') {
        throw HttpError.badRequest("malformed multipart boundary line");
      }
      pos += 2;
      if (parts.size() >= MAX_PARTS) {
        throw HttpError.badRequest("more than " + MAX_PARTS + " multipart parts");
      }
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      if (!copyUntil("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), head, MAX_HEADER_BYTES)) {
        throw HttpError.badRequest("multipart part headers not terminated");
      }
      Map<String, String> headers = headers(head.toString(StandardCharsets.UTF_8));
      Map<String, String> disposition = parameters(headers.getOrDefault("content-disposition", ""));
      String name = disposition.get("name");
      String filename = disposition.containsKey("filename*") ? rfc5987(disposition.get("filename*"))
          : disposition.get("filename");
      Path file = Files.createTempFile(dir, "part-", ".bin");
      try (OutputStream out = Files.newOutputStream(file)) {
        if (!copyUntil(delimiter, out, Long.MAX_VALUE)) {
          throw HttpError.badRequest("multipart body ends inside a part");
        }
      }
      parts.add(new Part(name, filename, headers.get("content-type"), file));
    }
  }

  /** Copies bytes up to {@code delimiter} (consumed, not copied); false if the input ends first. */
  private boolean copyUntil(byte[] delimiter, OutputStream out, long max) throws IOException, HttpError {
    long copied = 0;
    while (true) {
      fill(delimiter.length);
      int end = limit - delimiter.length;
      for (int i = pos; i <= end; i++) {
        if (buf[i] == delimiter[0] && matches(i, delimiter)) {
          copied += i - pos;
          if (copied > max) {
            throw HttpError.badRequest("multipart part headers longer than " + max + " bytes");
          }
          out.write(buf, pos, i - pos);
          pos = i + delimiter.length;
          return true;
        }
      }
      if (eof) {
        out.write(buf, pos, limit - pos);
        pos = limit;
        return false;
      }
      int safe = Math.max(pos, end + 1);
      copied += safe - pos;
      if (copied > max) {
        throw HttpError.badRequest("multipart part headers longer than " + max + " bytes");
      }
      out.write(buf, pos, safe - pos);
      pos = safe;
    }
  }

  private boolean matches(int at, byte[] d) {
    for (int j = 1; j < d.length; j++) {
      if (buf[at + j] != d[j]) {
        return false;
      }
    }
    return true;
  }

  /** Makes at least {@code n} bytes available unless the input ends; always reads more when it can. */
  private void fill(int n) throws IOException {
    if (pos > 0 && (limit - pos < n || limit == buf.length)) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    while (!eof && (limit - pos < n || limit < buf.length / 2)) {
      int r = in.read(buf, limit, buf.length - limit);
      if (r < 0) {
        eof = true;
      } else {
        limit += r;
      }
    }
  }

  private static Map<String, String> headers(String block) {
    Map<String, String> h = new LinkedHashMap<>();
    for (String line : block.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        h.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
    }
    return h;
  }

  /** Parameters of a header value such as {@code form-data; name="file"; filename="a.txt"}, names lower-cased. */
  static Map<String, String> parameters(String value) {
    Map<String, String> params = new LinkedHashMap<>();
    int i = value.indexOf(';');
    while (i >= 0 && i < value.length()) {
      i++;
      while (i < value.length() && value.charAt(i) == ' ') {
        i++;
      }
      int eq = value.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String key = value.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      int j = eq + 1;
      String val;
      if (j < value.length() && value.charAt(j) == '"') {
        StringBuilder sb = new StringBuilder();
        j++;
        while (j < value.length() && value.charAt(j) != '"') {
          char c = value.charAt(j);
          if (c == '\\' && j + 1 < value.length()) {
            c = value.charAt(++j);
          }
          sb.append(c);
          j++;
        }
        val = sb.toString().replace("%22", "\"").replace("%0D", "\r").replace("%0A", "\n");
        i = value.indexOf(';', j);
      } else {
        int semi = value.indexOf(';', j);
        val = (semi < 0 ? value.substring(j) : value.substring(j, semi)).trim();
        i = semi;
      }
      params.put(key, val);
    }
    return params;
  }

  /** Decodes an RFC 5987 value ({@code UTF-8''na%C3%AFve.txt}); a malformed %-escape is a bad request. */
  private static String rfc5987(String v) throws HttpError {
    int q = v.indexOf("''");
    String encoded = q >= 0 ? v.substring(q + 2) : v;
    try {
      return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest("malformed %-escape in a multipart filename*: " + e.getMessage());
    }
  }
}
