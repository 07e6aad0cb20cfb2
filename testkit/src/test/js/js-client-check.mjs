// Runs the official nft.storage JS client (npm nft.storage@7.2.0, unchanged) against an NFT.Storage-compatible
// endpoint, e.g. `carmint serve`. Usage:
//   NODE_PATH=<dir with node_modules> node js-client-check.mjs <endpoint> <token>
// (or run it from a directory where `npm install nft.storage@7.2.0` was done). Exits 1 on the first failure.
import { createRequire } from 'node:module'
import { randomBytes } from 'node:crypto'
import assert from 'node:assert/strict'

const require = createRequire(process.cwd() + '/')
const { NFTStorage, Blob, File } = require('nft.storage')

const [endpoint, token] = process.argv.slice(2)
if (!endpoint || !token) {
  console.error('usage: node js-client-check.mjs <endpoint> <token>')
  process.exit(2)
}
const client = new NFTStorage({ endpoint: new URL(endpoint), token })
const results = []
const step = async (name, fn) => {
  const started = Date.now()
  const detail = await fn()
  results.push(name)
  console.log(`ok   ${name}${detail ? ' ' + detail : ''} (${Date.now() - started} ms)`)
}

try {
  let blobCid
  await step('storeBlob (3 MiB + 5 B)', async () => {
    blobCid = await client.storeBlob(new Blob([randomBytes(3 * 1024 * 1024 + 5)]))
    const s = await client.status(blobCid)
    assert.equal(s.cid, blobCid)
    assert.equal(s.pin.status, 'pinned')
    assert.ok(s.created instanceof Date && !isNaN(s.created))
    return blobCid
  })

  const blobBytes = randomBytes(700 * 1024 + 3)
  await step('a raw blob POST is packed by the service to the root storeBlob computes', async () => {
    const local = await client.storeBlob(new Blob([blobBytes]))
    const res = await fetch(new URL('upload', endpoint), {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' },
      body: blobBytes,
    })
    const body = await res.json()
    assert.equal(res.status, 200, JSON.stringify(body))
    assert.equal(body.value.cid, local)
    return local
  })

  const catBytes = randomBytes(300 * 1024)
  await step('a multipart POST packed by the service = storeDirectory (2 files, one nested)', async () => {
    const form = new FormData()
    form.append('file', new globalThis.Blob(['hello world\n'], { type: 'text/plain' }), 'hello.txt')
    form.append('file', new globalThis.Blob([catBytes], { type: 'image/png' }), 'pics/cat.png')
    const res = await fetch(new URL('upload', endpoint), {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: form,
    })
    const body = await res.json()
    assert.equal(res.status, 200, JSON.stringify(body))
    assert.equal(body.value.type, 'directory')
    assert.deepEqual(body.value.files.map((f) => f.name), ['hello.txt', 'pics/cat.png'])
    const cid = await client.storeDirectory([
      new File(['hello world\n'], 'hello.txt', { type: 'text/plain' }),
      new File([catBytes], 'pics/cat.png', { type: 'image/png' }),
    ])
    assert.equal(body.value.cid, cid, 'the service packed the files to the root the JS client computed')
    assert.equal((await client.status(cid)).pin.status, 'pinned')
    return cid
  })

  await step('storeCar with maxChunkSize 1 MiB (split into pieces)', async () => {
    const { cid, car } = await NFTStorage.encodeBlob(new Blob([randomBytes(5 * 1024 * 1024)]))
    const chunks = []
    const stored = await client.storeCar(car, { maxChunkSize: 1024 * 1024, onStoredChunk: (n) => chunks.push(n) })
    assert.equal(stored, cid.toString(), 'the service answered the root computed by the JS client')
    assert.ok(chunks.length >= 4, `pieces: ${chunks.length}`)
    const s = await client.status(stored)
    assert.equal(s.pin.status, 'pinned', 'every piece arrived: the DAG is complete')
    return `${stored} in ${chunks.length} pieces`
  })

  let nftCid
  await step('store (ERC-1155 metadata + image, dag-cbor root)', async () => {
    const token = await client.store({
      name: 'carmint test',
      description: 'stored by the official JS client on carmint serve',
      image: new File([randomBytes(2048)], 'my cat.png', { type: 'image/png' }),
      properties: { extra: new File(['{"a":1}'], 'extra.json', { type: 'application/json' }) },
    })
    nftCid = token.ipnft
    assert.ok(token.url.startsWith('ipfs://'))
    assert.equal((await client.status(nftCid)).pin.status, 'pinned')
    return nftCid
  })

  await step('check (no token)', async () => {
    const c = await NFTStorage.check({ endpoint: new URL(endpoint) }, nftCid)
    assert.equal(c.cid, nftCid)
    assert.equal(c.pin.status, 'pinned')
    assert.ok(Array.isArray(c.deals))
  })

  await step('delete', async () => {
    await client.delete(blobCid)
    await assert.rejects(client.status(blobCid), /NFT not found/)
  })

  await step('a wrong token is refused without retries', async () => {
    const stranger = new NFTStorage({ endpoint: new URL(endpoint), token: 'not-a-token' })
    await assert.rejects(stranger.storeBlob(new Blob(['x'])), /API Key not found/)
  })
  console.log(`all ${results.length} steps passed`)
} catch (e) {
  console.error(`FAILED after ${results.length} steps: ${e.stack || e}`)
  process.exit(1)
}
