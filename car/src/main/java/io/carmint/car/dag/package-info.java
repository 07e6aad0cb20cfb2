/**
 * Following the links of IPLD blocks (dag-pb, dag-cbor, raw) to walk a DAG: what the verifier and the treewalk
 * splitter use.
 */
package io.carmint.car.dag;
