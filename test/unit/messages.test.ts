import { describe, expect, it } from 'vitest';
import { CLAIM_IDS as DETECT_CLAIM_IDS } from '../../utils/detect/types';
import {
  backgroundApi,
  CLAIM_IDS,
  envelopeSchema,
  isBackgroundType,
  scanResultSchema,
} from '../../utils/messages';

describe('message contract', () => {
  it('knows the ten claim ids of contract §5, the same as the detector', () => {
    expect([...CLAIM_IDS]).toEqual([...DETECT_CLAIM_IDS]);
    expect(CLAIM_IDS).toHaveLength(10);
  });

  it('parses a scan result of contract §2 and rejects a malformed one', () => {
    const ok = {
      url: 'https://x.com/home',
      items: [
        { kind: 'ticker', text: '$TAO', asset: 'cg:bittensor' },
        { kind: 'name', text: '比特幣', asset: 'cg:bitcoin' },
        { kind: 'address', text: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', chain: 'evm' },
        { kind: 'claim', text: 'no VC', claim: 'no-vc' },
        { kind: 'ticker', text: '$ETH', candidates: ['cg:ethereum', 'stock:ETH'] },
      ],
    };
    expect(scanResultSchema.parse(ok)).toEqual(ok);
    expect(scanResultSchema.safeParse({ url: 'x', items: [{ kind: 'coin', text: '$X' }] }).success).toBe(
      false,
    );
    expect(
      scanResultSchema.safeParse({ url: 'x', items: [{ kind: 'claim', text: 'x', claim: 'moon' }] }).success,
    ).toBe(false);
  });

  it('checks background requests where they are received', () => {
    expect(isBackgroundType('tickerlens:hello')).toBe(true);
    expect(isBackgroundType('toString')).toBe(false);
    expect(isBackgroundType('__proto__')).toBe(false);
    const detected = backgroundApi['tickerlens:page-detected'].request;
    expect(
      detected.safeParse({
        counts: { ticker: 1, name: 0, handle: 0, address: 0, claim: 0 },
        assets: [],
      }).success,
    ).toBe(true);
    expect(detected.safeParse({ counts: { ticker: -1 }, assets: [] }).success).toBe(false);
    expect(backgroundApi['tickerlens:check-source'].request.safeParse({ source: 'evil' }).success).toBe(
      false,
    );
  });

  it('wraps replies in an envelope, because Error objects do not cross the boundary', () => {
    expect(envelopeSchema.safeParse({ ok: true, data: 1 }).success).toBe(true);
    expect(envelopeSchema.safeParse({ ok: false, error: 'HTTP 500' }).success).toBe(true);
    expect(envelopeSchema.safeParse({ ok: false }).success).toBe(false);
  });
});

describe('a detection crosses to the content script and back whole (issue 28)', () => {
  it('keeps a bare stock’s listed flag and a bracketed symbol’s asset', async () => {
    const { detectMessage } = await import('../../utils/messages');
    const reply = {
      blocks: [
        {
          matches: [
            { kind: 'ticker', text: 'HOOD', start: 0, end: 4, symbol: 'HOOD', cashtag: false, listed: true },
            {
              kind: 'ticker',
              text: 'JUP',
              start: 9,
              end: 12,
              symbol: 'JUP',
              cashtag: false,
              asset: 'cg:jupiter-exchange-solana',
            },
          ],
          resolutions: [{ asset: 'stock:HOOD' }, { asset: 'cg:jupiter-exchange-solana' }],
        },
      ],
    };
    const parsed = detectMessage.reply.parse(reply);
    expect(parsed.blocks[0]?.matches[0]?.listed).toBe(true);
    expect(parsed.blocks[0]?.matches[1]?.asset).toBe('cg:jupiter-exchange-solana');
  });
});
