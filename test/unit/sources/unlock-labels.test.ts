/**
 * The names of DefiLlama's unlock events: the section each of its three description templates
 * names (emissions-adapters `utils/events.ts`, `addResultToEvents`), and any other description with
 * its placeholders filled, never shown raw.
 */
import { describe, expect, it } from 'vitest';
import { fillDescription, sectionOf, unlockLabel } from '../../../utils/sources/unlock-labels';

const DAY = Date.UTC(2025, 2, 1);

describe('the section an event names', () => {
  it.each([
    ['A cliff of {tokens[0]} tokens will unlock from Core Contributors on {timestamp}', 'Core Contributors'],
    ['A cliff of {tokens[0]} tokens was unlocked from Investors on {timestamp}', 'Investors'],
    ['  A cliff of {tokens[0]} tokens will unlock from Team on {timestamp}  ', 'Team'],
    [
      'Linear unlock will increase from {tokens[0]} to {tokens[1]} tokens per week from Ecosystem on {timestamp}',
      'Ecosystem',
    ],
    [
      'Linear unlock was decreased from {tokens[0]} to {tokens[1]} tokens per week from Team on {timestamp}',
      'Team',
    ],
    ['On {timestamp} {tokens[0]} of Airdrop tokens will be unlocked', 'Airdrop'],
    ['On {timestamp} {tokens[0]} of Community Pool tokens were unlocked', 'Community Pool'],
  ])('%j names %j', (description, section) => {
    expect(sectionOf(description)).toBe(section);
  });

  it.each([
    ['Note: A cliff of {tokens[0]} tokens will unlock from Team on {timestamp}'],
    ['A cliff of {tokens[0]} tokens will unlock from Team on {timestamp} (estimated)'],
    ['Linear unlock will increase from {tokens[0]} to {tokens[1]} tokens per week from Team on {timestamp}.'],
    [
      'Linear unlock will increased from {tokens[0]} to {tokens[1]} tokens per week from Team on {timestamp}x',
    ],
    ['Then: On {timestamp} {tokens[0]} of Airdrop tokens will be unlocked'],
    ['On {timestamp} {tokens[0]} of Airdrop tokens will be unlocked soon'],
    [''],
  ])('%j names none', (description) => {
    expect(sectionOf(description)).toBeNull();
  });
});

describe('a description filled in', () => {
  it('tokens in English digits, the date alone at midnight UTC, with the time otherwise', () => {
    expect(fillDescription('{tokens[0]} then {tokens[1]} on {timestamp}', [1234.567, 2], DAY)).toBe(
      '1,234.57 then 2 on 2025-03-01',
    );
    expect(fillDescription('at {timestamp}', [], DAY + 90 * 60_000)).toBe('at 2025-03-01 01:30 UTC');
  });

  it('a placeholder with no value, or a token index past ten, leaves nothing to show', () => {
    expect(fillDescription('{tokens[1]} tokens', [5], DAY)).toBeNull();
    const eleven = Array.from({ length: 11 }, (_, i) => i + 1);
    expect(fillDescription('{tokens[10]} tokens', eleven, DAY)).toBe('11 tokens');
    expect(fillDescription('   ', [], DAY)).toBeNull();
    expect(fillDescription('  spaced  ', [], DAY)).toBe('spaced');
  });

  it('an event is named by its section, else its filled description, else the fallback', () => {
    expect(unlockLabel('On {timestamp} {tokens[0]} of Airdrop tokens will be unlocked', [1], DAY, 'x')).toBe(
      'Airdrop',
    );
    expect(unlockLabel('Unlock of {tokens[0]} tokens', [3], DAY, 'x')).toBe('Unlock of 3 tokens');
    expect(unlockLabel('Unlock of {tokens[2]}', [3], DAY, 'insiders')).toBe('insiders');
    expect(unlockLabel(null, [], DAY, 'insiders')).toBe('insiders');
  });
});
