// Block emission order of ipfs-car 3.1.0's file encoder (@ipld/unixfs balanced layout, raw leaves) with small
// chunk sizes and widths, fed in pieces of a quarter chunk as ipfs-car feeds 64 KiB reads to 1 MiB chunks.
import { createFileEncoderStream } from '/work/reftools/node_modules/ipfs-car/unixfs.js'
import * as UnixFS from '/work/reftools/node_modules/@ipld/unixfs/src/lib.js'
import { withMaxChunkSize } from '/work/reftools/node_modules/@ipld/unixfs/src/file/chunker/fixed.js'
import { withWidth } from '/work/reftools/node_modules/@ipld/unixfs/src/file/layout/balanced.js'
import * as raw from '/work/reftools/node_modules/multiformats/dist/src/codecs/raw.js'
import * as pb from '/work/reftools/node_modules/@ipld/dag-pb/src/index.js'

async function order (chunk, width, size) {
  const settings = UnixFS.configure({ fileChunkEncoder: raw, smallFileEncoder: raw, chunker: withMaxChunkSize(chunk), fileLayout: withWidth(width) })
  // distinct chunks: byte i = low byte of a 32-bit LCG over i
  const data = new Uint8Array(size)
  let x = 12345
  for (let i = 0; i < size; i++) { x = (Math.imul(x, 1103515245) + 12345) >>> 0; data[i] = x >>> 24 }
  const piece = Math.max(1, chunk / 4)
  const blob = { stream: () => new ReadableStream({ start (c) { for (let o = 0; o < size; o += piece) c.enqueue(data.subarray(o, Math.min(size, o + piece))); c.close() } }) }
  const names = new Map(); let leaves = 0; let nodes = 0
  const out = []
  for await (const b of createFileEncoderStream(blob, settings)) {
    const k = b.cid.toString()
    if (!names.has(k)) names.set(k, b.cid.code === 0x55 ? 'L' + (++leaves) : 'N' + (++nodes))
    let s = names.get(k)
    if (b.cid.code !== 0x55) s += '[' + pb.decode(b.bytes).Links.map(l => names.get(l.Hash.toString())).join(',') + ']'
    out.push(s)
  }
  return { root: out.length ? out[out.length - 1].replace(/\[.*$/, '') : null, order: out.join(' ') }
}

const cases = []
const chunk = 8
for (const width of [2, 3, 4, 5]) {
  const max = Math.min(width ** 3 + width + 3, 70)
  for (let n = 0; n <= max; n++) {
    for (const extra of [0, 3]) {
      const size = n * chunk + extra
      if (n === 0 && extra === 0) continue
      const r = await order(chunk, width, size)
      cases.push({ chunk, width, size, order: r.order })
    }
  }
}
console.log(JSON.stringify({
  source: 'ipfs-car 3.1.0 createFileEncoderStream (@ipld/unixfs 3.0.0), raw leaves, balanced layout; input fed in quarter-chunk pieces; file bytes: byte i = top byte of the LCG x = x*1103515245+12345 (mod 2^32), x0 = 12345, advanced once before each byte',
  notation: 'Lk = k-th distinct raw leaf block (file order); Nk[children] = k-th distinct dag-pb node with its links',
  cases
}, null, 1))
