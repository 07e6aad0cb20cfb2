package io.carmint.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JacksonException;
import io.carmint.multiformats.Cid;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The models read what NFT.Storage sent (shapes from packages/api: db-transforms.js toNFTResponse, functions.sql). */
class ModelsTest {
  /** An upload as nfts-get.js answered it: dates in PostgreSQL's ISO form, deals with lastChanged, extra fields. */
  static final String NFT_JSON = """
      {"cid":"bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
       "created":"2021-08-17T14:33:46.603538+00:00","type":"directory","scope":"my-key",
       "files":[{"name":"hello.txt","type":"text/plain"}],"size":26,"name":"Upload at 2021-08-17T14:33:46.500Z",
       "parts":["bagbaieradibswwuwinrwtexgauzb2lgsxz2vvc26sgjrzbpi7e3dg3jsbolq"],
       "pin":{"cid":"bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi","created":"2021-08-17T14:33:47+00",
              "size":26,"status":"pinned"},
       "deals":[{"batchRootCid":"bafybeifdyzjsuoxrvqx4h6dacgncdalvv5rz7kgj3y3xpk2hfofm2wxu3u",
                 "lastChanged":"2021-08-18 10:00:00","miner":"f0127896","network":"mainnet",
                 "pieceCid":"baga6ea4seaqblmkwx3ck5ruu6hfrkxwjxu2h2bj3aikbwcwmhcuvbtsqxzgalcq","status":"active",
                 "statusText":"containing sector active","chainDealID":2336960,
                 "dealActivation":"2021-08-20T02:03:30Z","dealExpiration":"2023-01-11T02:03:30.000Z",
                 "datamodelSelector":"Links/0/Hash","contentCid":"ignored"},
                {"status":"queued","lastChange":"2021-08-18T10:00:00.000Z","sealedFuture":"x"}],
       "someNewField":{"nested":[1,2,3]}}""";

  @Test
  void readsAnUploadAsTheServiceSentIt() throws Exception {
    Nft nft = Json.MAPPER.readValue(NFT_JSON, Nft.class);
    assertEquals(Cid.parse("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"), nft.cid());
    assertEquals(Optional.of(Instant.parse("2021-08-17T14:33:46.603538Z")), nft.created());
    assertEquals(Optional.of("directory"), nft.type());
    assertEquals(Optional.of("my-key"), nft.scope());
    assertEquals(List.of(NftFile.of("hello.txt", "text/plain")), nft.files());
    assertEquals(26, nft.size());
    assertEquals(Optional.of("Upload at 2021-08-17T14:33:46.500Z"), nft.name());
    assertEquals(1, nft.parts().size());
    assertEquals(0x0202, nft.parts().get(0).codecCode(), "parts are CAR CIDs");
    assertEquals(PinStatus.PINNED, nft.pinStatus());
    assertEquals(Optional.of(Instant.parse("2021-08-17T14:33:47Z")), nft.pin().orElseThrow().created());
    assertEquals(Map.of(), nft.pin().orElseThrow().meta());

    Deal d = nft.deals().get(0);
    assertEquals(DealStatus.ACTIVE, d.status());
    assertEquals(Optional.of(Instant.parse("2021-08-18T10:00:00Z")), d.lastChange(), "lastChanged, space-separated, no offset");
    assertEquals(OptionalLong.of(2336960L), d.chainDealId());
    assertEquals(Optional.of("f0127896"), d.miner());
    assertEquals(Optional.of("mainnet"), d.network());
    assertEquals(Optional.of(Instant.parse("2021-08-20T02:03:30Z")), d.dealActivation());
    assertEquals(Optional.of(Instant.parse("2023-01-11T02:03:30Z")), d.dealExpiration());

    Deal queued = nft.deals().get(1);
    assertEquals(DealStatus.QUEUED, queued.status());
    assertEquals(Optional.of(Instant.parse("2021-08-18T10:00:00Z")), queued.lastChange(), "the schema's spelling");
    assertEquals(Optional.empty(), queued.miner());
  }

  @Test
  void unknownEnumValuesAreUnknownNotErrors() throws Exception {
    Pin pin = Json.MAPPER.readValue("{\"cid\":\"bafkqaaa\",\"status\":\"PinQueuedElsewhere\"}", Pin.class);
    assertEquals(PinStatus.UNKNOWN, pin.status());
    Deal deal = Json.MAPPER.readValue("{\"status\":\"slashed\"}", Deal.class);
    assertEquals(DealStatus.UNKNOWN, deal.status());
    Pin none = Json.MAPPER.readValue("{\"cid\":\"bafkqaaa\"}", Pin.class);
    assertEquals(PinStatus.UNKNOWN, none.status());
  }

  @Test
  void wireNamesRoundTrip() {
    for (PinStatus s : PinStatus.values()) {
      assertEquals(s, PinStatus.fromWire(s.wireName()));
    }
    for (DealStatus s : DealStatus.values()) {
      assertEquals(s, DealStatus.fromWire(s.wireName()));
    }
    assertEquals("pinning", PinStatus.PINNING.wireName());
  }

  @Test
  void aCidv0StaysAsSent() throws Exception {
    Nft nft = Json.MAPPER.readValue("{\"cid\":\"QmbWqxBEKC3P8tqsKc98xmWNzrzDtRLMiMPL8wBuTGsMnR\"}", Nft.class);
    assertEquals(0, nft.cid().version());
    assertEquals("QmbWqxBEKC3P8tqsKc98xmWNzrzDtRLMiMPL8wBuTGsMnR", nft.cid().toString());
    assertEquals(List.of(), nft.deals());
    assertEquals(List.of(), nft.files());
    assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
        List.of(nft.created(), nft.type(), nft.scope(), nft.pin(), nft.name()), "absent fields are empty, not null");
    assertEquals(PinStatus.UNKNOWN, nft.pinStatus());
  }

  @Test
  void nullFieldsAreEmptyAndARecordBuiltWithNullOptionalsHoldsEmptyOnes() throws Exception {
    Nft nft = Json.MAPPER.readValue("{\"cid\":\"bafkqaaa\",\"type\":null,\"pin\":{\"status\":\"queued\",\"name\":null},"
        + "\"deals\":[{\"miner\":null,\"chainDealID\":null}]}", Nft.class);
    assertEquals(Optional.empty(), nft.type());
    Pin pin = nft.pin().orElseThrow();
    assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.empty()),
        List.of(pin.cid(), pin.name(), pin.created()));
    assertEquals(PinStatus.QUEUED, nft.pinStatus());
    assertEquals(Optional.empty(), nft.deals().get(0).miner());
    assertEquals(OptionalLong.empty(), nft.deals().get(0).chainDealId());
    Nft built = new Nft(nft.cid(), 0, null, null, null, null, null, null, null, null);
    assertEquals(Optional.empty(), built.pin());
    assertEquals(Optional.empty(), new CheckResult(nft.cid(), null, null).pin());
  }

  @Test
  void rejectsWhatCannotBeAnUpload() {
    assertThrows(JacksonException.class, () -> Json.MAPPER.readValue("{\"size\":3}", Nft.class));
    assertThrows(JacksonException.class, () -> Json.MAPPER.readValue("{\"cid\":\"not-a-cid\"}", Nft.class));
    assertThrows(JacksonException.class,
        () -> Json.MAPPER.readValue("{\"cid\":\"bafkqaaa\",\"created\":\"yesterday\"}", Nft.class));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2021-08-17T14:33:46.603Z          | 2021-08-17T14:33:46.603Z",
      "2021-08-17T14:33:46.603+00:00     | 2021-08-17T14:33:46.603Z",
      "2021-08-17T16:33:46.603+02:00     | 2021-08-17T14:33:46.603Z",
      "2021-08-17T14:33:46.603538+00     | 2021-08-17T14:33:46.603538Z",
      "2021-08-17 14:33:46.603538+00     | 2021-08-17T14:33:46.603538Z",
      "2021-08-17T09:33:46-0500          | 2021-08-17T14:33:46Z",
      "2021-08-17T14:33:46               | 2021-08-17T14:33:46Z",
      "2021-08-17t14:33:46z              | 2021-08-17T14:33:46Z",
  })
  void timestampsInTheFormsServicesSend(String wire, String expected) {
    assertEquals(Instant.parse(expected), Json.parseInstant(wire));
  }

  @Test
  void errorShapesWithNameOrCode() {
    ErrorReply byCode = ErrorReply.read(400, "GET /x", "{\"ok\":false,\"error\":{\"code\":\"ERROR_INVALID_CID\","
        + "\"message\":\"Invalid CID: x\"}}", "application/json;charset=UTF-8", null, Instant.EPOCH);
    assertEquals("ERROR_INVALID_CID", byCode.name());
    assertEquals("Invalid CID: x", byCode.message());
    ErrorReply byName = ErrorReply.read(401, "GET /x", "{\"ok\":false,\"error\":{\"name\":\"HTTP Error\","
        + "\"message\":\"Unauthorized\"}}", null, null, Instant.EPOCH);
    assertEquals("HTTP Error", byName.name());
    assertEquals("Unauthorized", byName.message());
  }

  @Test
  void htmlPagesAreReducedToTheirTitle() {
    String cloudflare = "<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n"
        + "<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n"
        + "</html>\r\n";
    ErrorReply r = ErrorReply.read(413, "POST /upload", cloudflare, "text/html", null, Instant.EPOCH);
    assertEquals("413 Request Entity Too Large", r.detail());
    assertNull(r.name());
    ErrorReply notJson = ErrorReply.read(502, "POST /upload", "{\"ok\":fal", "application/json", null, Instant.EPOCH);
    assertEquals("{\"ok\":fal", notJson.detail());
  }

  @Test
  void snippetsTakeTheTitleInAnyCaseElseTheTextWithoutTags() {
    assertEquals("Bad gateway", ErrorReply.snippet("<html><head><TITLE lang=en>Bad\n gateway</Title></head></html>"));
    assertEquals("a b < c", ErrorReply.snippet("<p>a</p> <b>b < c"));
    assertEquals("x", ErrorReply.snippet("<title>x"), "a title never closed is a tag like any other");
    assertNull(ErrorReply.snippet("<br><hr>"));
    assertEquals("<".repeat(ErrorReply.MAX_SNIPPET) + "…", ErrorReply.snippet("<".repeat(65536)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "28                              | 28",
      "0                               | 0",
      "-5                              | 0",
      "Wed, 01 May 2024 12:00:30 GMT   | 30",
      "Wed, 01 May 2024 11:00:00 GMT   | 0",
  })
  void retryAfterSecondsOrDate(String header, long seconds) {
    assertEquals(seconds, ErrorReply.parseRetryAfter(header, Instant.parse("2024-05-01T12:00:00Z")).toSeconds());
  }

  @Test
  void retryAfterGarbageIsIgnored() {
    assertNull(ErrorReply.parseRetryAfter("soon", Instant.EPOCH));
    assertNull(ErrorReply.parseRetryAfter(null, Instant.EPOCH));
  }
}
