// Fetches files through @helia/verified-fetch with one trustless gateway and nothing else (no delegated routers,
// no libp2p, no public gateways), and prints one line per path: "<path> <sha256 hex> <bytes>".
//
//   node fetch.mjs http://127.0.0.1:8787/ ipfs://CID ipfs://CID/dir/name ...
//
// Run by io.carmint.testkit.VerifiedFetchInteropTest (which installs package-lock.json's versions with npm ci).
import { createHash } from 'node:crypto'
import { withHTTP } from '@helia/http'
import { httpGatewayRouting } from '@helia/routers'
import { createVerifiedFetchWithHelia } from '@helia/verified-fetch'
import { createHeliaLight } from 'helia'

const [gateway, ...resources] = process.argv.slice(2)
// The gateway as a content router (it "provides" every CID), with the trustless gateway block broker; no delegated
// routers and no fallback ("recursive") gateways, so every block comes from the gateway under test.
const helia = withHTTP(createHeliaLight(), {
  delegatedRouters: [],
  recursiveGateways: [],
  allowInsecure: true, // the service is plain HTTP on loopback
  allowLocal: true
})
helia.addRouter(httpGatewayRouting({ gateways: [gateway] }))
await helia.start()
const verifiedFetch = await createVerifiedFetchWithHelia(helia)
let failed = false
try {
  for (const resource of resources) {
    const response = await verifiedFetch(resource, { signal: AbortSignal.timeout(60_000) })
    if (!response.ok) {
      console.error(`${resource}: HTTP ${response.status} ${await response.text()}`)
      failed = true
      continue
    }
    const bytes = new Uint8Array(await response.arrayBuffer())
    console.log(`${resource} ${createHash('sha256').update(bytes).digest('hex')} ${bytes.length}`)
  }
} finally {
  await verifiedFetch.stop()
  await helia.stop()
}
process.exit(failed ? 1 : 0)
