// SPDX-License-Identifier: Apache-2.0 OR MIT
pragma solidity ^0.8.20;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// OpenZeppelin's ERC-721 as a collection deploys it: the base URI is fixed at deployment (ipfs://<metadataCid>/, so
/// tokenURI(id) is ipfs://<metadataCid>/<id>) and only the owner mints, token ids counting up from 1.
contract CarmintCollection is ERC721, Ownable {
    string private baseTokenUri;
    uint256 public totalMinted;

    constructor(string memory name_, string memory symbol_, string memory baseUri_)
        ERC721(name_, symbol_)
        Ownable(msg.sender)
    {
        baseTokenUri = baseUri_;
    }

    /// Mints the next token to `to`; emits ERC721's Transfer(0, to, tokenId).
    function mint(address to) external onlyOwner returns (uint256 tokenId) {
        tokenId = ++totalMinted;
        _safeMint(to, tokenId);
    }

    function _baseURI() internal view override returns (string memory) {
        return baseTokenUri;
    }
}
