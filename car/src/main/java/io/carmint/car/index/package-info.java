/**
 * CARv2 indexes as go-car writes them: {@link io.carmint.car.index.MultihashIndexSorted} (0x0401, the default) and
 * {@link io.carmint.car.index.IndexSorted} (0x0400). The layouts follow go-car's bytes, which differ from the
 * <a href="https://ipld.io/specs/transport/car/carv2/">CARv2 spec</a> prose (an int32 bucket count that the spec
 * omits, and a per-bucket byte length the spec calls a count); go-car's test files are the reference.
 *
 * <p>Offsets are of sections (their length varint), counted from the start of the CARv1 payload. An index read
 * from a file is checked for structure only; it is never trusted to locate blocks without checking.
 */
package io.carmint.car.index;
