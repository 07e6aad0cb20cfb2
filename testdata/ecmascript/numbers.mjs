// Writes numbers.json: how JavaScript (Node) spells doubles, for carmint's Number::toString.
// Usage: node numbers.mjs > numbers.json   (no packages needed)
const bits = []
// xorshift64*, fixed seed: the same doubles on every run
let s = 0x9E3779B97F4A7C15n
const mask = (1n << 64n) - 1n
const next = () => {
  s ^= s >> 12n; s ^= (s << 25n) & mask; s ^= s >> 27n
  return (s * 0x2545F4914F6CDD1Dn) & mask
}
const view = new DataView(new ArrayBuffer(8))
const fromBits = (b) => { view.setBigUint64(0, b); return view.getFloat64(0) }
const toBits = (x) => { view.setFloat64(0, x); return view.getBigUint64(0) }
// 1. random bit patterns (every exponent, subnormals included), skipping NaN
for (let i = 0; bits.length < 3000; i++) {
  const b = next()
  if (!Number.isNaN(fromBits(b))) bits.push(b)
}
// 2. random decimals with few digits at every scale, where shortest-digit choices matter
for (let i = 0; i < 2000; i++) {
  const digits = Number(next() % 17n) + 1
  const mant = Number(next() % (10n ** BigInt(digits)))
  const exp = Number(next() % 640n) - 330
  const x = Number(`${mant}e${exp}`)
  if (Number.isFinite(x)) bits.push(toBits(x))
}
// 3. boundaries of the layout rules and well-known hard cases
const specials = [0, -0, 1, -1, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 5e-324, 2.2250738585072014e-308,
  2.225073858507201e-308, 1.7976931348623157e308, 9007199254740991, 9007199254740992, 9007199254740993,
  1e21, 1e21 - 65536, 999999999999999900000, 1e-6, 1e-7, 0.000001234, 1.234e-7, 123e-20, 2 ** 63, 2 ** 64,
  2 ** -1074, 2 ** -1022, 2 ** 1023, 1e23, 8.41e21, 5e-7, 4.35, 0.3000000000000000444, 100, 1e20, 1e22,
  123456789012345680000, 1.5e300, 65504.5, 2 ** 53 + 2, 4.9406564584124654e-324, 1e15, 1e16, 1e17]
for (const x of specials) bits.push(toBits(x))
for (let e = -330; e <= 310; e++) { const x = Number(`1e${e}`); if (Number.isFinite(x)) bits.push(toBits(x)) }
for (let e = -1074; e <= 1023; e += 7) bits.push(toBits(2 ** e))
const rows = bits.map((b) => {
  const x = fromBits(b)
  return { bits: b.toString(16).padStart(16, '0'), string: String(x), json: JSON.stringify(x) }
})
process.stdout.write(JSON.stringify({ node: process.version, count: rows.length, rows }, null, 0)
  .replace(/\},\{/g, '},\n{') + '\n')
