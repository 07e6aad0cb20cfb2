package io.carmint.examples.mint;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.tx.response.TransactionReceiptProcessor;

/**
 * The deployed {@code CarmintCollection} (OpenZeppelin's ERC-721 with an owner-only {@code mint} and a base URI set
 * at deployment), called with web3j's plain ABI encoding: {@link FunctionEncoder} for calls and transactions,
 * {@link FunctionReturnDecoder} for what calls return. Transactions are signed locally by the
 * {@link TransactionManager} (a raw transaction with the owner's key); each must succeed (receipt status 1).
 */
final class Erc721 {
  /** Gas limits for the deployment and for one mint, well above what each uses (the receipts show it). */
  private static final BigInteger DEPLOY_GAS = BigInteger.valueOf(3_000_000);
  private static final BigInteger MINT_GAS = BigInteger.valueOf(300_000);

  private final Web3j web3;
  private final TransactionManager owner;
  private final String address;
  private final TransactionReceipt deployment;

  private Erc721(Web3j web3, TransactionManager owner, String address, TransactionReceipt deployment) {
    this.web3 = web3;
    this.owner = owner;
    this.address = address;
    this.deployment = deployment;
  }

  /**
   * Deploys the contract: its creation code followed by the ABI-encoded constructor arguments.
   *
   * @param baseUri what {@code tokenURI(id)} starts with: {@code ipfs://<metadataCid>/}
   * @throws TransactionException if the deployment fails
   */
  static Erc721 deploy(Web3j web3, TransactionManager owner, String bytecode, String name, String symbol,
      String baseUri) throws IOException, TransactionException {
    String constructor = FunctionEncoder.encodeConstructor(
        List.of(new Utf8String(name), new Utf8String(symbol), new Utf8String(baseUri)));
    TransactionReceipt receipt = transact(web3, owner, DEPLOY_GAS, null, bytecode + constructor, true);
    return new Erc721(web3, owner, receipt.getContractAddress(), receipt);
  }

  /** @return the contract's address */
  String address() {
    return address;
  }

  /** @return the receipt of the deployment */
  TransactionReceipt deployment() {
    return deployment;
  }

  /**
   * Mints the next token to {@code to} ({@code mint(address)}, owner only).
   *
   * @return the receipt; the token id is in its Transfer event, and is {@code totalMinted()} after it
   */
  TransactionReceipt mint(String to) throws IOException, TransactionException {
    Function mint = new Function("mint", List.of(new Address(to)), List.of(new TypeReference<Uint256>() {}));
    return transact(web3, owner, MINT_GAS, address, FunctionEncoder.encode(mint), false);
  }

  /** @return {@code tokenURI(id)}: the base URI followed by the id */
  String tokenUri(BigInteger id) throws IOException {
    return call("tokenURI", List.of(new Uint256(id)), new TypeReference<Utf8String>() {}).toString();
  }

  /** @return {@code ownerOf(id)}, lowercase hex */
  String ownerOf(BigInteger id) throws IOException {
    return call("ownerOf", List.of(new Uint256(id)), new TypeReference<Address>() {}).toString();
  }

  /** @return {@code totalMinted()}: the number of tokens minted, also the last token id */
  BigInteger totalMinted() throws IOException {
    return (BigInteger) call("totalMinted", List.of(), new TypeReference<Uint256>() {}).getValue();
  }

  @SuppressWarnings("rawtypes") // web3j's Function and FunctionReturnDecoder take and give a raw List<Type>
  private <T extends Type<?>> Type<?> call(String name, List<Type> args, TypeReference<T> returns)
      throws IOException {
    Function f = new Function(name, args, List.of(returns));
    String result = owner.sendCall(address, FunctionEncoder.encode(f), DefaultBlockParameterName.LATEST);
    List<Type> values = FunctionReturnDecoder.decode(result, f.getOutputParameters());
    if (values.size() != 1) {
      throw new IOException(name + " on " + address + " returned " + result + ", not one " + returns.getType());
    }
    return values.get(0);
  }

  private static TransactionReceipt transact(Web3j web3, TransactionManager owner, BigInteger gas, String to,
      String data, boolean deploy) throws IOException, TransactionException {
    BigInteger gasPrice = web3.ethGasPrice().send().getGasPrice();
    EthSendTransaction sent = owner.sendTransaction(gasPrice, gas, to, data, BigInteger.ZERO, deploy);
    if (sent.hasError()) {
      throw new TransactionException("the chain refused the transaction: " + sent.getError().getMessage());
    }
    // The chain mines each transaction as it arrives: the first look finds the receipt; the rest is a safety net.
    TransactionReceiptProcessor receipts = new PollingTransactionReceiptProcessor(web3, 100, 600);
    TransactionReceipt receipt = receipts.waitForTransactionReceipt(sent.getTransactionHash());
    if (!receipt.isStatusOK()) {
      throw new TransactionException("transaction " + receipt.getTransactionHash() + " reverted (status "
          + receipt.getStatus() + ")", receipt);
    }
    return receipt;
  }
}
