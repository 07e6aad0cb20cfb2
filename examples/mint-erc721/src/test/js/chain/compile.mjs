// Compiles one contract of contracts/ with the pinned solc (solc-js), resolving @openzeppelin/... imports from
// node_modules, and prints {contract, compiler, evmVersion, openzeppelin, abi, bytecode} as one line of JSON.
// Usage: node compile.mjs <contract name> <evm version>
import fs from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const solc = require("solc");
const [name, evmVersion] = process.argv.slice(2);
const file = `contracts/${name}.sol`;
const input = {
  language: "Solidity",
  sources: { [file]: { content: fs.readFileSync(file, "utf8") } },
  settings: {
    evmVersion,
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { [file]: { [name]: ["abi", "evm.bytecode.object"] } },
  },
};
const findImports = (path) => {
  try {
    return { contents: fs.readFileSync(require.resolve(path), "utf8") };
  } catch (e) {
    return { error: `${path}: ${e.message}` };
  }
};
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors ?? []).filter((e) => e.severity === "error");
if (errors.length > 0) {
  for (const e of errors) console.error(e.formattedMessage);
  process.exit(1);
}
const contract = output.contracts[file][name];
console.log(JSON.stringify({
  contract: name,
  compiler: solc.version(),
  evmVersion,
  openzeppelin: require("@openzeppelin/contracts/package.json").version,
  abi: contract.abi,
  bytecode: "0x" + contract.evm.bytecode.object,
}));
