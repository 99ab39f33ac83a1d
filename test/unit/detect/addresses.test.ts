import { readFileSync } from 'node:fs';
import { base58 } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { isEvmAddressRun, isValidEip55, toChecksumAddress } from '../../../utils/detect';
import { BASE58, CLASS } from '../../../utils/detect/charclass';
import { sharedFixture } from './fixture-data';
import { brief, ofKind, prng, realDetector } from './helpers';

const detect = (text: string) => realDetector().detect(text);
const addresses = (text: string) => ofKind(detect(text), 'address');

describe('EIP-55 (examples from the EIP)', () => {
  const allCaps = [
    '0x52908400098527886E0F7030069857D2E4169EE7',
    '0x8617E340B3D01FA5F11F306F4090FD50E238070D',
  ];
  const allLower = [
    '0xde709f2102306220921060314715629080e2fb77',
    '0x27b1fdb04752bbc536007a920d24acb045561c26',
  ];
  const normal = [
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  ];

  for (const a of [...allCaps, ...allLower, ...normal]) {
    it(`${a} is valid and detected as valid`, () => {
      expect(isValidEip55(a)).toBe(true);
      expect(addresses(`contract: ${a} (verified)`)).toEqual([
        { kind: 'address', text: a, start: 10, end: 52, chain: 'evm', valid: true },
      ]);
    });
  }

  it('any address written in one case carries no checksum and is valid', () => {
    for (const a of normal) {
      const lower = a.toLowerCase();
      const upper = `0x${a.slice(2).toUpperCase()}`;
      expect(isValidEip55(lower), lower).toBe(true);
      expect(isValidEip55(upper), upper).toBe(true);
      expect(addresses(`${lower} ${upper}`).map((m) => m.valid)).toEqual([true, true]);
    }
  });

  it('isValidEip55 reads the 40 digits at `start` + 2 and nothing around them', () => {
    for (const a of normal) {
      expect(isValidEip55(`${a}Z`), a).toBe(true);
      expect(isValidEip55(`Zz ${a}`, 3), a).toBe(true);
      // one case inside, the other outside: still no checksum
      expect(isValidEip55(`${a.toLowerCase()}Z`), a).toBe(true);
    }
    // addresses no other test checks, so no verdict is remembered from before, with a letter of
    // either case after them
    for (let n = 0; n < 8; n++) {
      const fresh = toChecksumAddress(`0x${`${n}123456789abcdef`.repeat(3).slice(0, 40)}`);
      const after = n % 2 ? 'Z' : 'z';
      expect(isValidEip55(`${fresh}${after}`), fresh).toBe(true);
    }
  });

  it('each mixed-case address of a text is checked on its own', () => {
    const [a = '', b = ''] = normal;
    const bad = `${b.slice(0, 3)}${b.charAt(3) === b.charAt(3).toUpperCase() ? b.charAt(3).toLowerCase() : b.charAt(3).toUpperCase()}${b.slice(4)}`;
    expect(addresses(`${a} and ${bad} and ${a}`).map((m) => [m.text, m.valid])).toEqual([
      [a, true],
      [bad, false],
      [a, true],
    ]);
  });

  for (const a of normal) {
    it(`${a}: the checksum is reproduced from the lower-case form`, () => {
      expect(toChecksumAddress(a.toLowerCase())).toBe(a);
      expect(toChecksumAddress(`0x${a.slice(2).toUpperCase()}`)).toBe(a);
    });

    it(`${a}: flipping the case of any one letter makes it invalid`, () => {
      let flips = 0;
      for (let k = 2; k < a.length; k++) {
        const ch = a.charAt(k);
        if (!/[a-fA-F]/.test(ch)) continue;
        const flipped =
          a.slice(0, k) + (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase()) + a.slice(k + 1);
        expect(isValidEip55(flipped), flipped).toBe(false);
        expect(addresses(flipped)).toEqual([
          { kind: 'address', text: flipped, start: 0, end: 42, chain: 'evm', valid: false },
        ]);
        flips++;
      }
      expect(flips).toBeGreaterThan(10);
    });
  }
});

describe('EVM address boundaries', () => {
  const a = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
  it('inside a URL path is reported', () => {
    expect(brief(detect(`https://etherscan.io/address/${a}#code`))).toEqual([`address:evm:valid:${a}`]);
    expect(brief(detect(`etherscan.io/token/${a}?a=1`))).toEqual([`address:evm:valid:${a}`]);
  });
  it('inside Chinese text', () => {
    expect(brief(detect(`合约地址：${a}，请核对`))).toEqual([`address:evm:valid:${a}`]);
  });
  it('a transaction hash (0x + 64 hex) is not an address', () => {
    const hash = `0x${'5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'.slice(0, 40)}${'ab'.repeat(12)}`;
    expect(hash).toHaveLength(66);
    expect(addresses(`tx ${hash} confirmed`)).toEqual([]);
  });
  it('hex inside a longer hex or word run is not an address', () => {
    expect(addresses(`${a}ff`)).toEqual([]);
    expect(addresses(`${a}g`)).toEqual([]);
    expect(addresses(`ab${a}`)).toEqual([]);
    expect(addresses(`${a}_1`)).toEqual([]);
    expect(addresses(`0x${a.slice(3)}`)).toEqual([]); // 39 hex digits
  });
  it('0x0x0x… is not an address', () => {
    expect(addresses('0x'.repeat(100))).toEqual([]);
  });
  it('the prefix in either case, and only 0x: a 42-character run of other hex is none', () => {
    expect(brief(detect(`0X${a.slice(2)}`))).toEqual([`address:evm:valid:0X${a.slice(2)}`]);
    expect(addresses(`00${a.slice(2)}`)).toEqual([]);
  });
  it('isEvmAddressRun, on its own: exactly 0x or 0X and 40 hex digits at [start, end)', () => {
    expect(isEvmAddressRun(a, 0, 42)).toBe(true);
    expect(isEvmAddressRun(`0X${a.slice(2)}`, 0, 42)).toBe(true);
    expect(isEvmAddressRun(`x ${a}`, 2, 44)).toBe(true);
    expect(isEvmAddressRun(a, 0, 41)).toBe(false);
    expect(isEvmAddressRun(`1x${a.slice(2)}`, 0, 42)).toBe(false);
    expect(isEvmAddressRun(`0y${a.slice(2)}`, 0, 42)).toBe(false);
  });
  it('toChecksumAddress refuses what is no address, naming it', () => {
    expect(() => toChecksumAddress('0x123')).toThrow('not an EVM address: 0x123');
    expect(toChecksumAddress(`0X${a.slice(2).toUpperCase()}`)).toBe(a);
  });
});

describe('Solana addresses', () => {
  // isSolanaAddressRun decodes only runs of BASE58 characters, with no try/catch: were the class
  // wider than the decoder's alphabet, hostile text ("0OIl" in a 44-letter run) would throw mid-scan.
  it('reads as base58 exactly the characters of the Bitcoin alphabet', () => {
    const flagged: string[] = [];
    for (let c = 0; c < 0x10000; c++)
      if (((CLASS[c] ?? 0) & BASE58) !== 0) flagged.push(String.fromCharCode(c));
    expect(flagged.join('')).toBe('123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz');
    const run = 'So1anaMint0OIl11111111111111111111111111112';
    expect(() => realDetector().detect(`mint ${run}`)).not.toThrow();
    expect(addresses(`mint ${run}`)).toEqual([]);
  });

  const real = [
    'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v', // USDC
    'So11111111111111111111111111111111111111112', // wrapped SOL
    '9BB6NFEcjBCtnNLFko2FqVQBq8HHM13kCyYcdQbgpump', // Fartcoin, a pump.fun mint
    '2zMMhcVQEXDtdE6vsFS7S7D5oUodfJHE8vd1gnBouauv', // PENGU
    'JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN', // JUP
  ];
  for (const mint of real) {
    it(`${mint} is found in prose`, () => {
      expect(addresses(`CA: ${mint} 🚀`)).toEqual([
        { kind: 'address', text: mint, start: 4, end: 4 + mint.length, chain: 'solana', valid: true },
      ]);
    });
  }

  it('every mint of the Jupiter validated token list (1,872 real mints) is found, also inside its logo URL', () => {
    const lines = readFileSync(sharedFixture('tokenlists/jupiter_validated-tokens_2024-07-15.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    let checked = 0;
    const missed: string[] = [];
    for (const line of lines) {
      const mint = line.split(',')[2] ?? '';
      if (mint.length < 32) continue;
      const found = addresses(`Token ${mint} is live.`);
      if (found.length !== 1 || found[0]?.text !== mint || found[0]?.chain !== 'solana') missed.push(mint);
      const url = `https://raw.githubusercontent.com/solana-labs/token-list/main/assets/mainnet/${mint}/logo.png`;
      if (addresses(url)[0]?.text !== mint) missed.push(`url:${mint}`);
      checked++;
    }
    expect(checked).toBeGreaterThan(1800);
    expect(missed).toEqual([]);
  });

  it('decodes to exactly 32 bytes: Bitcoin addresses (25 bytes) and signatures (64 bytes) are not Solana keys', () => {
    expect(addresses('send to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toEqual([]); // 34 chars, 25 bytes
    expect(base58.decode('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toHaveLength(25);
    const random = prng(7);
    const sig = new Uint8Array(64).map(() => Math.floor(random() * 256));
    expect(addresses(`sig ${base58.encode(sig)}`)).toEqual([]);
    const key33 = new Uint8Array(33).map(() => 1 + Math.floor(random() * 255));
    const s33 = base58.encode(key33);
    if (s33.length <= 44) expect(addresses(s33)).toEqual([]);
  });

  it('random 32-byte keys round-trip through base58 and are detected unless they lack a digit or a case', () => {
    const random = prng(2024);
    let found = 0;
    let skippedByRule = 0;
    for (let n = 0; n < 500; n++) {
      const key = new Uint8Array(32).map(() => Math.floor(random() * 256));
      const s = base58.encode(key);
      expect(Array.from(base58.decode(s))).toEqual(Array.from(key));
      const hit = addresses(`mint ${s} here`);
      if (/\d/.test(s) && /[A-Z]/.test(s) && /[a-z]/.test(s)) {
        expect(hit.map((m) => m.text)).toEqual([s]);
        found++;
      } else {
        expect(hit).toEqual([]);
        skippedByRule++;
      }
    }
    expect(found).toBeGreaterThan(490);
    expect(skippedByRule).toBeLessThan(10);
  });

  it('no false hits on long words, hashtags, identifiers, IPFS CIDs or URL parts', () => {
    const texts = [
      'Pneumonoultramicroscopicsilicovolcanoconiosis is a word',
      '#ThisIsAVeryLongCamelCaseHashtagForTheWinToday',
      'const superLongVariableNameForTestingPurposes2 = 1',
      'ipfs://QmXoypizjW3WknFiJnKLwHCnL72vedxjQkDDP1mXWo6uco',
      'https://example.com/?q=EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1vEXTRA',
      'path/EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1vX/more',
      '11111111111111111111111111111111',
      'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVW',
    ];
    for (const t of texts) expect(addresses(t), t).toEqual([]);
  });
});
