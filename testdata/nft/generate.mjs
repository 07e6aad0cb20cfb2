// generate.mjs: reference vectors for NFTStorage.encodeNFT (nft.storage 7.2.0) and for
// "collections" packed with ipfs-car 3.1.0. Reads cases.json, writes expected.json.
//
// It must run from a scratch directory that holds the npm packages (never inside the repo):
//
//   mkdir -p /tmp/nftref && cd /tmp/nftref
//   cp /path/to/testdata/nft/npm/package.json /path/to/testdata/nft/npm/package-lock.json .
//   npm ci                      # or: npm init -y && npm i nft.storage@7.2.0 ipfs-car@3.1.0 @ipld/car@5 multiformats@13
//   cp /path/to/testdata/nft/generate.mjs .
//   node generate.mjs /path/to/testdata/nft          # reads cases.json, writes expected.json there
//
// Optional second argument: an output path other than <dir>/expected.json (used to compare two runs).
// Node v20 was used (see README.md). The bare imports below resolve from the scratch directory's
// node_modules, which is why the script is copied there.

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import { execFileSync } from 'node:child_process'

import { NFTStorage, File, Blob, toGatewayURL } from 'nft.storage' // nft.storage/src/lib.js
import { CarWriter, CarReader } from '@ipld/car' // 5.x
import { CID } from 'multiformats/cid' // 13.x
import { TreewalkCarSplitter } from 'carbites/treewalk' // the copy nft.storage resolves (1.0.6)
import * as dagPB from '@ipld/dag-pb'
import * as dagCbor from '@ipld/dag-cbor' // decoding only

const dir = path.resolve(process.argv[2] || '.')
const outPath = path.resolve(process.argv[3] || path.join(dir, 'expected.json'))
const cases = JSON.parse(fs.readFileSync(path.join(dir, 'cases.json'), 'utf8'))
const scratch = process.cwd()
const nm = path.join(scratch, 'node_modules')
const pkgVersion = (p) => JSON.parse(fs.readFileSync(path.join(nm, p, 'package.json'), 'utf8')).version

// nft.storage's Node platform (src/platform.js) stores blocks in an FsBlockStore under os.tmpdir().
// Keep those folders in one private directory (os.tmpdir() reads TMPDIR on every call).
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'nftgen-'))
process.env.TMPDIR = tmpRoot

const MAX_CHUNK_SIZE = 1024 * 1024 * 50 // nft.storage/src/lib.js MAX_CHUNK_SIZE, the storeCar default
const EMPTY_DIR_CID = 'bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354'

// ---------------------------------------------------------------------------------------------
// inputs
const sha256hex = (b) => crypto.createHash('sha256').update(b).digest('hex')
function keystream(seed, size) {
  if (seed === 'zero') return new Uint8Array(size)
  const key = crypto.createHash('sha256').update(Buffer.from(seed, 'utf8')).digest().subarray(0, 16)
  const c = crypto.createCipheriv('aes-128-ctr', key, Buffer.alloc(16))
  const out = Buffer.concat([c.update(Buffer.alloc(size)), c.final()])
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
}

/** Turns a case's JSON input into the JS value given to encodeNFT; lists the files it created. */
function buildInput(value, files, refs, jsonPath) {
  if (Array.isArray(value)) return value.map((v, i) => buildInput(v, files, refs, [...jsonPath, i]))
  if (value === null || typeof value !== 'object') return value
  const keys = Object.keys(value)
  if (keys.length === 1 && keys[0] === '$file') {
    const d = value.$file
    const bytes = keystream(d.seed, d.size)
    const opts = { type: d.type ?? '' }
    const f = d.name === undefined ? new Blob([bytes], opts) : new File([bytes], d.name, opts)
    if (d.ref) refs.set(d.ref, f)
    files.push({
      inputPath: jsonPath,
      kind: d.name === undefined ? 'Blob' : 'File',
      name: d.name,
      nameAfterFileConstructor: d.name === undefined ? undefined : f.name,
      type: d.type,
      typeAfterConstructor: f.type,
      size: d.size,
      seed: d.seed,
      sha256: sha256hex(bytes),
    })
    return f
  }
  if (keys.length === 1 && keys[0] === '$fileRef') {
    files.push({ inputPath: jsonPath, sameObjectAs: value.$fileRef })
    return refs.get(value.$fileRef)
  }
  if (keys.length === 1 && keys[0] === '$js') {
    const s = value.$js
    if (s === 'NaN') return NaN
    if (s === 'Infinity') return Infinity
    if (s === '-Infinity') return -Infinity
    if (s === 'undefined') return undefined
    if (s.startsWith('bigint:')) return BigInt(s.slice(7))
    throw new Error('unknown $js ' + s)
  }
  const out = {}
  for (const [k, v] of Object.entries(value)) out[k] = buildInput(v, files, refs, [...jsonPath, k])
  return out
}

// ---------------------------------------------------------------------------------------------
// CBOR diagnostic notation (RFC 8949 section 8) of the root block, in encoded order.
// Floats are written with the encoding indicator (_1 = half, _2 = single, _3 = double).
function cborDiag(bytes) {
  let pos = 0
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const arg = (minor) => {
    if (minor < 24) return minor
    if (minor === 24) return bytes[pos++]
    if (minor === 25) { const v = dv.getUint16(pos); pos += 2; return v }
    if (minor === 26) { const v = dv.getUint32(pos); pos += 4; return v }
    if (minor === 27) { const v = dv.getBigUint64(pos); pos += 8; return v }
    throw new Error('indefinite length in dag-cbor')
  }
  const item = () => {
    const ib = bytes[pos++]
    const major = ib >> 5
    const minor = ib & 31
    if (major === 7) {
      if (minor === 20) return 'false'
      if (minor === 21) return 'true'
      if (minor === 22) return 'null'
      if (minor === 23) return 'undefined'
      if (minor === 25) { const h = dv.getUint16(pos); pos += 2; return `half(0x${h.toString(16)})_1` }
      if (minor === 26) { const v = dv.getFloat32(pos); pos += 4; return `${jsNum(v)}_2` }
      if (minor === 27) { const v = dv.getFloat64(pos); pos += 8; return `${jsNum(v)}_3` }
      throw new Error('bad simple')
    }
    const n = arg(minor)
    switch (major) {
      case 0: return String(n)
      case 1: return String(-1n - BigInt(n))
      case 2: { const b = bytes.subarray(pos, pos + Number(n)); pos += Number(n); return `h'${Buffer.from(b).toString('hex')}'` }
      case 3: { const b = bytes.subarray(pos, pos + Number(n)); pos += Number(n); return JSON.stringify(Buffer.from(b).toString('utf8')) }
      case 4: { const a = []; for (let i = 0; i < n; i++) a.push(item()); return `[${a.join(', ')}]` }
      case 5: { const a = []; for (let i = 0; i < n; i++) { const k = item(); a.push(`${k}: ${item()}`) } return `{${a.join(', ')}}` }
      case 6: {
        if (n === 42) {
          const ib2 = bytes[pos++]
          const len = Number(arg(ib2 & 31))
          const b = bytes.subarray(pos, pos + len); pos += len
          return `42(${CID.decode(b.subarray(1)).toString()})`
        }
        return `${n}(${item()})`
      }
    }
    throw new Error('bad major')
  }
  const s = item()
  if (pos !== bytes.length) throw new Error('trailing bytes')
  return s
}
const jsNum = (v) => (Object.is(v, -0) ? '-0.0' : Number.isInteger(v) && Math.abs(v) < 1e21 ? v + '.0' : String(v))

/** Top-level map keys of a dag-cbor map, in encoded order. */
function cborTopKeys(bytes) {
  const keys = []
  let pos = 0
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const arg = (minor) => (minor < 24 ? minor : minor === 24 ? bytes[pos++] : minor === 25 ? ((pos += 2), dv.getUint16(pos - 2)) : minor === 26 ? ((pos += 4), dv.getUint32(pos - 4)) : ((pos += 8), Number(dv.getBigUint64(pos - 8))))
  const skip = () => {
    const ib = bytes[pos++]
    const major = ib >> 5
    const minor = ib & 31
    if (major === 7) { pos += minor === 25 ? 2 : minor === 26 ? 4 : minor === 27 ? 8 : 0; return }
    const n = arg(minor)
    if (major === 2 || major === 3) pos += n
    else if (major === 4) for (let i = 0; i < n; i++) skip()
    else if (major === 5) for (let i = 0; i < 2 * n; i++) skip()
    else if (major === 6) skip()
  }
  const ib = bytes[pos++]
  const n = arg(ib & 31)
  for (let i = 0; i < n; i++) {
    const kb = bytes[pos++]
    const len = arg(kb & 31)
    keys.push(Buffer.from(bytes.subarray(pos, pos + len)).toString('utf8'))
    pos += len
    skip()
  }
  return keys
}

// ---------------------------------------------------------------------------------------------
// CAR helpers
const v13 = (cid) => CID.decode(cid.bytes) // nested multiformats 9 CID -> multiformats 13 CID

/** CARv1 bytes written by @ipld/car 5 CarWriter: roots [root], then the blocks in the given order. */
async function writeCar(root, blocks) {
  const { writer, out } = CarWriter.create([v13(root)])
  const chunks = []
  const reading = (async () => { for await (const c of out) chunks.push(c) })()
  for (const b of blocks) await writer.put({ cid: v13(b.cid), bytes: b.bytes })
  await writer.close()
  await reading
  return Buffer.concat(chunks)
}

async function carFacts(root, blocks) {
  const bytes = await writeCar(root, blocks)
  return { blocks: blocks.map((b) => b.cid.toString()), size: bytes.length, sha256: sha256hex(bytes) }
}

async function readCarFile(file) {
  const bytes = fs.readFileSync(file)
  const reader = await CarReader.fromBytes(bytes)
  const blocks = []
  for await (const b of reader.blocks()) blocks.push(b.cid.toString())
  const roots = await reader.getRoots()
  const rootBlock = await reader.get(roots[0])
  const rootLinks = roots[0].code === dagPB.code ? dagPB.decode(rootBlock.bytes).Links.map((l) => ({ name: l.Name, cid: l.Hash.toString(), tsize: l.Tsize })) : null
  return { headerRoots: roots.map(String), size: bytes.length, sha256: sha256hex(bytes), blockCount: blocks.length, blocks, rootLinks }
}

/** The UnixFS tree under a wrapper directory: [{path, cid, type}] in dag-pb link order. */
async function unixfsTree(getBlock, cid, prefix = '') {
  const out = []
  const { bytes } = await getBlock(cid)
  if (cid.code !== dagPB.code) return out
  const node = dagPB.decode(bytes)
  const type = node.Data && node.Data[0] === 0x08 ? node.Data[1] : undefined // UnixFS Data field 1 (Type)
  if (type !== 1) return out // only plain directories are walked
  for (const l of node.Links) {
    const p = prefix + l.Name
    const c = v13(l.Hash)
    let kind = c.code === 0x55 ? 'raw' : 'dag-pb'
    if (c.code === dagPB.code) {
      const { bytes: cb } = await getBlock(c)
      const n = dagPB.decode(cb)
      const t = n.Data && n.Data[0] === 0x08 ? n.Data[1] : undefined
      kind = t === 1 ? 'directory' : t === 2 ? 'file' : t === 5 ? 'hamt' : `unixfs-type-${t}`
    }
    out.push({ path: p, cid: c.toString(), tsize: l.Tsize, kind })
    if (kind === 'directory') out.push(...(await unixfsTree(getBlock, c, p + '/')))
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Instrumentation: record the order of blockstore.put calls (first put of each CID = the order a
// MemoryBlockStore, i.e. the browser build, would yield) and console.warn output.
let putLog = null
let warnLog = null
const realWarn = console.warn
console.warn = (...args) => { if (warnLog) warnLog.push(args.map(String).join(' ')); else realWarn(...args) }
{
  // Warm-up encode to reach the FsBlockStore class that token.js instantiates, then wrap put().
  const { car } = await NFTStorage.encodeNFT({ name: 'w', description: 'w', image: new File([new Uint8Array([1])], 'w.png', { type: 'image/png' }) })
  const proto = Object.getPrototypeOf(car.blockstore)
  await car.blockstore.close()
  const put = proto.put
  proto.put = function (cid, bytes) { if (putLog) putLog.push({ cid, bytes }); return put.call(this, cid, bytes) }
  if (proto.constructor.name !== 'FsBlockStore') throw new Error('expected FsBlockStore, got ' + proto.constructor.name)
}

function walkUrls(value, p, out) {
  if (value instanceof URL) out.push({ path: p, href: value.href })
  else if (Array.isArray(value)) value.forEach((v, i) => walkUrls(v, [...p, i], out))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walkUrls(v, [...p, k], out)
  return out
}

async function runNftCase(c) {
  const files = []
  let input
  try {
    input = buildInput(c.inputJsonText !== undefined ? JSON.parse(c.inputJsonText) : c.input, files, new Map(), [])
  } catch (e) {
    return { id: c.id, inputError: String(e) }
  }
  putLog = []
  warnLog = []
  const rec = { id: c.id, purpose: c.purpose, inputFiles: files }
  let result
  try {
    result = await NFTStorage.encodeNFT(input)
  } catch (e) {
    rec.error = { name: e.constructor.name, message: e.message }
    rec.blocksPutBeforeError = putLog.length
    rec.warnings = warnLog
    putLog = null
    warnLog = null
    return rec
  }
  const log = putLog
  rec.warnings = warnLog
  putLog = null
  warnLog = null
  const { cid, token, car } = result
  const getBlock = (x) => car.get(x)

  rec.ipnft = token.ipnft
  rec.url = token.url
  if (cid.toString() !== token.ipnft) throw new Error('cid != ipnft')
  const rootBytes = (await car.get(cid)).bytes
  // metadata.json: the block the root links to under 'metadata.json'
  const rootValue = dagCbor.decode(rootBytes)
  const metadataCid = v13(rootValue['metadata.json'])
  const metaBlock = (await car.get(metadataCid)).bytes
  const metadataJson = JSON.stringify(token.data)
  if (metadataCid.code !== 0x55) throw new Error('metadata.json is not a single raw block')
  if (!Buffer.from(metaBlock).equals(Buffer.from(metadataJson, 'utf8'))) throw new Error('metadata.json bytes != JSON.stringify(token.data)')
  rec.metadataJson = metadataJson
  rec.metadataJsonSize = metaBlock.length
  rec.metadataJsonSha256 = sha256hex(metaBlock)
  rec.metadataJsonCid = metadataCid.toString()
  rec.embedJson = JSON.stringify(token.embed())
  rec.rootBlock = {
    cid: cid.toString(),
    size: rootBytes.length,
    hex: Buffer.from(rootBytes).toString('hex'),
    topLevelKeysInCborOrder: cborTopKeys(rootBytes),
    diagnostic: cborDiag(rootBytes),
  }
  // files: every URL in token.data, with the CID at the same place in the root block
  const urls = walkUrls(token.data, [], [])
  rec.files = []
  for (const u of urls) {
    const url = new URL(u.href)
    const wrapper = CID.parse(url.host)
    let dagValue = rootValue
    for (const k of u.path) dagValue = dagValue?.[k]
    const gw = toGatewayURL(url)
    rec.files.push({
      metadataPath: u.path,
      url: u.href,
      gatewayUrl: gw.href,
      wrapperCid: wrapper.toString(),
      rootBlockCidAtSamePath: dagValue && dagValue.asCID ? dagValue.toString() : null,
      wrapperEntries: await unixfsTree(getBlock, wrapper),
    })
  }
  // CAR orders
  const blocksOrder = []
  for await (const b of car.blocks()) blocksOrder.push(b)
  const seen = new Set()
  const putOrder = []
  for (const b of log) { const s = b.cid.toString(); if (!seen.has(s)) { seen.add(s); putOrder.push(b) } }
  const sortedDistinct = putOrder.map((b) => b.cid.toString()).sort()
  if (JSON.stringify(sortedDistinct) !== JSON.stringify(blocksOrder.map((b) => b.cid.toString()))) throw new Error('car.blocks() is not the CID-string order')
  rec.blockPuts = log.length
  rec.distinctBlocks = putOrder.length
  rec.car = {
    headerRoots: (await car.getRoots()).map(String),
    carBlocksOrder: await carFacts(cid, blocksOrder),
    putOrder: await carFacts(cid, putOrder),
  }
  // what NFTStorage.storeCar(car) would upload: carbites TreewalkCarSplitter(car, 50 MiB)
  const splitter = new TreewalkCarSplitter(car, MAX_CHUNK_SIZE, { decoders: undefined })
  const pieces = []
  for await (const piece of splitter.cars()) {
    const parts = []
    for await (const part of piece) parts.push(part)
    const bytes = Buffer.concat(parts)
    const reader = await CarReader.fromBytes(bytes)
    const blocks = []
    for await (const b of reader.blocks()) blocks.push(b)
    const again = await writeCar(cid, blocks)
    if (!again.equals(bytes)) throw new Error('carbites bytes differ from CarWriter 5 bytes')
    pieces.push({ headerRoots: (await reader.getRoots()).map(String), blocks: blocks.map((b) => b.cid.toString()), size: bytes.length, sha256: sha256hex(bytes) })
  }
  rec.car.uploadTreewalk = pieces
  await car.blockstore.close()
  return rec
}

// ---------------------------------------------------------------------------------------------
// collections: ipfs-car 3.1.0 CLI
const ipfsCarBin = path.join(nm, 'ipfs-car', 'bin.js')

async function runCollection(c, work) {
  const base = path.join(work, c.id)
  fs.mkdirSync(path.join(base, 'images'), { recursive: true })
  const images = []
  for (const im of c.images) {
    const bytes = keystream(im.seed, im.size)
    fs.writeFileSync(path.join(base, 'images', im.name), bytes)
    images.push({ ...im, sha256: sha256hex(bytes) })
  }
  const rec = { id: c.id, purpose: c.purpose, images }
  const packed = async (dirName, carName) => {
    const argv = ['pack', dirName, '--output', carName]
    const stdout = execFileSync(process.execPath, [ipfsCarBin, ...argv], { cwd: base, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    const facts = await readCarFile(path.join(base, carName))
    return { command: 'ipfs-car ' + argv.join(' '), stdout, root: stdout.trim(), ...facts }
  }
  rec.imagesPack = await packed('images', 'images.car')
  const imagesCid = rec.imagesPack.root
  rec.imageUrls = c.images.map((im) => new URL(`ipfs://${imagesCid}/${im.name}`).href) // the way src/token.js builds URLs
  if (rec.imagesPack.headerRoots[0] !== imagesCid) throw new Error('stdout != header root')
  // for comparison only: what nft.storage's encodeDirectory (importer 9, 256 KiB chunks) gives
  {
    const { cid, car } = await NFTStorage.encodeDirectory(c.images.map((im) => new File([keystream(im.seed, im.size)], im.name)))
    rec.nftStorageEncodeDirectoryCid = cid.toString()
    await car.blockstore.close()
  }
  fs.mkdirSync(path.join(base, 'metadata'))
  rec.metadata = []
  for (const m of c.metadata) {
    const content = m.content.split('{{IMAGES_CID}}').join(imagesCid)
    const bytes = Buffer.from(content, 'utf8')
    fs.writeFileSync(path.join(base, 'metadata', m.name), bytes)
    rec.metadata.push({ name: m.name, content, size: bytes.length, sha256: sha256hex(bytes) })
  }
  rec.metadataPack = await packed('metadata', 'metadata.car')
  if (rec.metadataPack.headerRoots[0] !== rec.metadataPack.root) throw new Error('stdout != header root')
  return rec
}

// ---------------------------------------------------------------------------------------------
// percent-encoding table: new URL(`ipfs://${cid}/${name}`) as token.js builds it, and toGatewayURL of it
function urlTable() {
  const names = []
  const ascii = []
  for (let c = 0x20; c <= 0x7e; c++) ascii.push(String.fromCharCode(c))
  for (const c of ascii) names.push(c)
  for (const c of ascii) names.push('x' + c + 'y')
  for (const c of ascii) names.push('q?x' + c + 'y')
  for (const c of ascii) names.push('f#x' + c + 'y')
  names.push(...cases.urlExtraNames)
  const prefix = `ipfs://${EMPTY_DIR_CID}`
  const gwPrefix = `https://nftstorage.link/ipfs/${EMPTY_DIR_CID}`
  return names.map((name) => {
    const u = new URL(`${prefix}/${name}`) // exactly as src/token.js: new URL(`ipfs://${cid}/${name}`)
    const g = toGatewayURL(u) // as Token.embed()
    const utf16 = [...Array(name.length).keys()].map((i) => name.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')).join(' ')
    if (!u.href.startsWith(prefix) || !g.href.startsWith(gwPrefix)) throw new Error('unexpected URL ' + u.href)
    return { name, utf16, afterCid: u.href.slice(prefix.length), gatewayAfterCid: g.href.slice(gwPrefix.length) }
  })
}

// ---------------------------------------------------------------------------------------------
// compact pretty printer: a container goes on one line when that line is short
function pretty(v, indent = '') {
  const one = JSON.stringify(v)
  if (one === undefined) return 'null'
  if (v === null || typeof v !== 'object' || one.length <= 100) return one
  const next = indent + '  '
  if (Array.isArray(v)) return '[\n' + v.map((x) => next + pretty(x, next)).join(',\n') + '\n' + indent + ']'
  const entries = Object.entries(v).filter(([, x]) => x !== undefined)
  return '{\n' + entries.map(([k, x]) => next + JSON.stringify(k) + ': ' + pretty(x, next)).join(',\n') + '\n' + indent + '}'
}

// ---------------------------------------------------------------------------------------------
const out = {
  generator: 'testdata/nft/generate.mjs',
  environment: {
    node: process.version,
    packages: {
      'nft.storage': pkgVersion('nft.storage'),
      'nft.storage -> ipfs-car': pkgVersion('nft.storage/node_modules/ipfs-car'),
      'nft.storage -> @ipld/dag-cbor': pkgVersion('nft.storage/node_modules/@ipld/dag-cbor'),
      'nft.storage -> cborg': pkgVersion('nft.storage/node_modules/cborg'),
      'nft.storage -> multiformats': pkgVersion('nft.storage/node_modules/multiformats'),
      'ipfs-unixfs-importer (nft.storage -> ipfs-car 0.6.2)': pkgVersion('ipfs-unixfs-importer'),
      'carbites (nft.storage)': pkgVersion('carbites'),
      'ipfs-car': pkgVersion('ipfs-car'),
      '@ipld/car': pkgVersion('@ipld/car'),
      multiformats: pkgVersion('multiformats'),
      '@ipld/dag-pb': pkgVersion('@ipld/dag-pb'),
    },
    blockstoreFolder: 'FsBlockStore folders under a private TMPDIR; car.blocks() is fs.promises.readdir order, which libuv sorts with strcmp on Unix (checked for every case: carBlocksOrder = distinct CIDs sorted as strings)',
  },
  nft: [],
  collections: [],
  urlTable: null,
}
for (const c of cases.nft) {
  process.stderr.write(`nft ${c.id}\n`)
  out.nft.push(await runNftCase(c))
}
const work = fs.mkdtempSync(path.join(tmpRoot, 'collections-'))
for (const c of cases.collections) {
  process.stderr.write(`collection ${c.id}\n`)
  out.collections.push(await runCollection(c, work))
}
out.urlTable = { cid: EMPTY_DIR_CID, rows: urlTable() }
fs.writeFileSync(outPath, pretty(out) + '\n')
const leftovers = fs.readdirSync(tmpRoot).filter((n) => !n.startsWith('collections-'))
process.stderr.write(`wrote ${outPath}; blockstore folders left behind by failed encodes: ${leftovers.length}\n`)
fs.rmSync(tmpRoot, { recursive: true, force: true })
