/**
 * The worker's trust rules (background/trust.ts) against an in-memory stand-in for the browser's
 * `storage.local` access level and `permissions`: content scripts are shut out of storage where the
 * browser allows it, and a host counts as granted only while the browser says so.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const chrome = vi.hoisted(() => ({
  /** undefined: a browser without access levels for storage.local (Firefox). */
  setAccessLevel: undefined as undefined | ((o: { accessLevel: string }) => Promise<void>),
  levels: [] as string[],
  granted: new Set<string>(),
  asked: [] as string[],
  /** The permissions API fails (a worker shutting down). */
  failing: false,
}));

vi.mock('wxt/browser', () => ({
  browser: {
    storage: {
      get local() {
        return { setAccessLevel: chrome.setAccessLevel };
      },
    },
    permissions: {
      contains: async ({ origins }: { origins: string[] }) => {
        chrome.asked.push(...origins);
        if (chrome.failing) throw new Error('Extension context invalidated.');
        return origins.every((o) => chrome.granted.has(o));
      },
    },
  },
}));

const { closeStorageToContentScripts, forgetGrantedHosts, hostGranted } = await import(
  '../../entrypoints/background/trust'
);

beforeEach(() => {
  chrome.setAccessLevel = undefined;
  chrome.levels = [];
  chrome.granted = new Set();
  chrome.asked = [];
  chrome.failing = false;
  forgetGrantedHosts();
});

describe('storage closed to content scripts', () => {
  it('sets storage.local to trusted contexts only where the browser has access levels', async () => {
    chrome.setAccessLevel = async ({ accessLevel }) => {
      chrome.levels.push(accessLevel);
    };
    await expect(closeStorageToContentScripts()).resolves.toBe(true);
    expect(chrome.levels).toEqual(['TRUSTED_CONTEXTS']);
  });

  it('says so when it cannot: no access levels (Firefox), or the browser refuses', async () => {
    await expect(closeStorageToContentScripts()).resolves.toBe(false);
    chrome.setAccessLevel = async () => {
      throw new Error('Access level not supported');
    };
    await expect(closeStorageToContentScripts()).resolves.toBe(false);
  });
});

describe('granted hosts', () => {
  it('asks the browser for the origin with every path, once until permissions change', async () => {
    chrome.granted.add('https://api.example.org/*');
    await expect(hostGranted('https://api.example.org')).resolves.toBe(true);
    await expect(hostGranted('https://api.example.org')).resolves.toBe(true);
    await expect(hostGranted('https://other.example.org')).resolves.toBe(false);
    expect(chrome.asked).toEqual(['https://api.example.org/*', 'https://other.example.org/*']);
  });

  it('a revoked host stops counting once permissions change', async () => {
    chrome.granted.add('https://api.example.org/*');
    await expect(hostGranted('https://api.example.org')).resolves.toBe(true);
    chrome.granted.clear();
    forgetGrantedHosts();
    await expect(hostGranted('https://api.example.org')).resolves.toBe(false);
  });

  it('a failing permissions API means not granted, never an error', async () => {
    chrome.failing = true;
    await expect(hostGranted('https://api.example.org')).resolves.toBe(false);
  });
});
