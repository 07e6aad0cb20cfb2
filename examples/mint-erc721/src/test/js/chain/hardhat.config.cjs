// Hardhat's node, as the mint-erc721 example starts it (`hardhat node --config hardhat.config.cjs`). The one account
// is the minter's: its key is made fresh by the example for each run and handed over in the environment, so no key
// is written anywhere. The hardfork is pinned so that the chain runs the EVM the contract is compiled for.
const key = process.env.CARMINT_MINTER_KEY;
if (!/^0x[0-9a-f]{64}$/.test(key ?? "")) {
  throw new Error("CARMINT_MINTER_KEY must hold the minter's private key (0x and 64 hex digits)");
}
module.exports = {
  networks: {
    hardhat: {
      chainId: 31337,
      hardfork: "prague",
      accounts: [{ privateKey: key, balance: "1000000000000000000000" }],
    },
  },
};
