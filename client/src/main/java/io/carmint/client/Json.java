package io.carmint.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.InvalidCidException;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/** The client's JSON reading: a tolerant mapper for the API's models. Thread-safe. */
final class Json {
  /**
   * Timestamps as services send them: ISO-8601 with {@code T} or a space, fractions of any length, and an offset
   * written {@code Z}, {@code +00:00}, {@code +0000} or {@code +00} (PostgreSQL), or none (then UTC).
   */
  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .toFormatter();

  static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1 << 20).build())
          .build())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
      .addModule(new SimpleModule("carmint-client")
          .addDeserializer(Instant.class, new InstantDeserializer())
          .addDeserializer(Cid.class, new CidDeserializer()))
      .build();

  private Json() {
  }

  /**
   * @throws DateTimeException if the text is not a timestamp in one of the accepted forms
   */
  static Instant parseInstant(String text) {
    TemporalAccessor t = TIMESTAMP.parse(text.trim());
    if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
      return OffsetDateTime.from(t).toInstant();
    }
    return LocalDateTime.from(t).toInstant(ZoneOffset.UTC);
  }

  /** Reads a value node into a model, or explains why it is not one. */
  static <T> T treeToValue(JsonNode node, Class<T> type) throws IOException {
    return MAPPER.treeToValue(node, type);
  }

  private static final class InstantDeserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
        return Instant.ofEpochMilli(p.getLongValue());
      }
      String text = p.getValueAsString();
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        return parseInstant(text);
      } catch (DateTimeException e) {
        return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not a timestamp: %s", e.getMessage());
      }
    }
  }

  private static final class CidDeserializer extends JsonDeserializer<Cid> {
    @Override
    public Cid deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      if (text == null) {
        return (Cid) ctxt.handleUnexpectedToken(Cid.class, p);
      }
      try {
        return Cid.parse(text);
      } catch (InvalidCidException e) {
        return (Cid) ctxt.handleWeirdStringValue(Cid.class, text, "%s", e.getMessage());
      }
    }
  }
}
