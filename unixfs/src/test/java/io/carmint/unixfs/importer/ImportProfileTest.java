package io.carmint.unixfs.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.multiformats.HashFunction;
import io.carmint.unixfs.chunk.FixedSizeChunker;
import io.carmint.unixfs.layout.BalancedLayout;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ImportProfileTest {
  @Test
  void namesAndAliases() {
    assertSame(ImportProfile.IPFS_CAR, ImportProfile.forName("ipfs-car"));
    assertSame(ImportProfile.IPFS_CAR, ImportProfile.DEFAULT);
    assertSame(ImportProfile.NFT_STORAGE, ImportProfile.forName("NFT.Storage"));
    assertSame(ImportProfile.UNIXFS_V0_2015, ImportProfile.forName("kubo"));
    assertSame(ImportProfile.UNIXFS_V0_2015, ImportProfile.forName("legacy-cid-v0"));
    assertSame(ImportProfile.UNIXFS_V1_2025, ImportProfile.forName("unixfs-v1-2025"));
    assertSame(ImportProfile.KUBO_V1, ImportProfile.forName("kubo-v1"));
    assertSame(ImportProfile.KUBO, ImportProfile.forName("kubo"));
    assertSame(ImportProfile.KUBO_TRICKLE, ImportProfile.forName("kubo-trickle"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImportProfile.forName("kubo2"));
    assertTrue(e.getMessage().contains("known: ipfs-car, nft.storage"), e.getMessage());
  }

  @Test
  void presetsAreTheTableOfTheIssue() {
    assertEquals(new FixedSizeChunker(1 << 20), ImportProfile.IPFS_CAR.chunker());
    assertEquals(new BalancedLayout(1024), ImportProfile.IPFS_CAR.layout());
    assertEquals(ShardingRule.entriesGreaterThan(1000), ImportProfile.IPFS_CAR.sharding());
    assertEquals(ShardingRule.entriesAtLeast(1000), ImportProfile.NFT_STORAGE.sharding());
    assertEquals(new BalancedLayout(174), ImportProfile.NFT_STORAGE.layout());
    assertEquals(ShardingRule.blockBytesGreaterThan(262144), ImportProfile.UNIXFS_V1_2025.sharding());
    assertEquals(ShardingRule.linksBytesGreaterThan(262144), ImportProfile.UNIXFS_V0_2015.sharding());
    assertFalse(ImportProfile.UNIXFS_V0_2015.rawLeaves());
    assertEquals(0, ImportProfile.UNIXFS_V0_2015.cidVersion());
    assertTrue(ImportProfile.KUBO_V1.rawLeaves());
    assertEquals("links-bytes > 262144", ImportProfile.KUBO_V1.sharding().toString());
  }

  @Test
  void kuboImplications() {
    // --cid-version=1 turns raw leaves on (ipfs add --cid-version=1 = kubo-v1)
    ImportProfile v1 = ImportProfile.UNIXFS_V0_2015.toBuilder().cidVersion(1).build();
    assertTrue(v1.rawLeaves());
    assertEquals(1, v1.cidVersion());
    // ... unless raw leaves are set explicitly
    assertFalse(ImportProfile.UNIXFS_V0_2015.toBuilder().rawLeaves(false).cidVersion(1).build().rawLeaves());
    // a hash other than sha2-256 forces CIDv1 (and so raw leaves)
    ImportProfile sha512 = ImportProfile.UNIXFS_V0_2015.toBuilder().hashFunction(HashFunction.SHA2_512).build();
    assertEquals(1, sha512.cidVersion());
    assertTrue(sha512.rawLeaves());
    // ... and is an error with an explicit CIDv0
    assertThrows(IllegalArgumentException.class,
        () -> ImportProfile.UNIXFS_V0_2015.toBuilder().cidVersion(0).hashFunction(HashFunction.SHA2_512).build());
    assertThrows(IllegalArgumentException.class, () -> ImportProfile.IPFS_CAR.toBuilder().cidVersion(2).build());
    assertThrows(IllegalArgumentException.class,
        () -> ImportProfile.IPFS_CAR.toBuilder().hashFunction(HashFunction.IDENTITY).build());
    assertThrows(IllegalArgumentException.class, () -> ImportProfile.IPFS_CAR.toBuilder().hamtFanout(100).build());
    // raw leaves with CIDv0 are allowed: leaves are CIDv1, nodes CIDv0
    assertEquals(0, ImportProfile.UNIXFS_V0_2015.toBuilder().rawLeaves(true).build().cidVersion());
  }

  @Test
  void rootCidLengthIsKnownUpFrontExceptForCidV0WithRawLeaves() {
    assertEquals(OptionalInt.of(36), ImportProfile.IPFS_CAR.rootCidLength());
    assertEquals(OptionalInt.of(34), ImportProfile.UNIXFS_V0_2015.rootCidLength());
    assertEquals(OptionalInt.of(68), ImportProfile.KUBO_V1.toBuilder().hashFunction(HashFunction.SHA2_512).build()
        .rootCidLength());
    ImportProfile v0raw = ImportProfile.UNIXFS_V0_2015.toBuilder().rawLeaves(true).build();
    assertEquals(OptionalInt.empty(), v0raw.rootCidLength());
    assertEquals(OptionalInt.of(34), v0raw.toBuilder().wrap(true).build().rootCidLength());
  }
}
