#!/usr/bin/env bash
# Records what `ipfs-car hash` (3.1.0) prints for CAR files: the facts HashCommandTest and CarHashTest compare with.
# Usage: IPFS_CAR=/path/to/node_modules/ipfs-car/bin.js testdata/cars/hash.sh > testdata/cars/hash.json
# (install with `npm install ipfs-car@3.1.0` in a scratch directory, outside the repository). Run from the
# repository root; conformance files are read from ../shared/conformance and named relative to it.
set -euo pipefail
: "${IPFS_CAR:?set IPFS_CAR to ipfs-car 3.1.0 bin.js}"
shared=../shared/conformance
files=(testdata/cars/*.car)
for f in go-car/v2-testdata/sample-v1.car go-car/v2-testdata/sample-wrapped-v2.car \
    go-car/v2-testdata/sample-v2-indexless.car go-car/v2-testdata/sample-rw-bs-v2.car \
    go-car/v2-testdata/sample-unixfs-v2.car go-car/cmd-car-inputs/simple-unixfs.car; do
  files+=("conformance:$f")
done
echo "{"
echo "  \"tool\": \"ipfs-car $(node "$IPFS_CAR" --version | awk '{print $NF}')\","
echo "  \"commands\": [\"ipfs-car hash FILE\", \"ipfs-car hash FILE --only-multihash\", \"ipfs-car hash < FILE\"],"
echo "  \"files\": ["
n=${#files[@]}
i=0
for f in "${files[@]}"; do
  i=$((i + 1))
  path=$f
  [[ $f == conformance:* ]] && path="$shared/${f#conformance:}"
  cid=$(node "$IPFS_CAR" hash "$path")
  mh=$(node "$IPFS_CAR" hash "$path" --only-multihash)
  stdin=$(node "$IPFS_CAR" hash < "$path")
  [[ $stdin == "$cid" ]] || { echo "stdin and file disagree for $f" >&2; exit 1; }
  sep=","; [[ $i == "$n" ]] && sep=""
  echo "    {\"file\": \"$f\", \"size\": $(stat -c %s "$path"), \"cid\": \"$cid\", \"multihash\": \"$mh\"}$sep"
done
echo "  ]"
echo "}"
