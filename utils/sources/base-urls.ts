/**
 * Where a data source's requests may go. A base URL is a setting, and settings are written by the
 * options page (and, in Firefox, which cannot restrict `storage.local` to the extension's own pages,
 * possibly by a content-script context): a server of someone else's would then receive the API key
 * and decide prices. So a base URL off the source's default host is used only when the user granted
 * its host permission (the options page asks as it saves), or when it is this machine (loopback:
 * nothing leaves it); and the API key goes only over https, or to this machine.
 */
import type { SourceId } from '../source-ids';

/** `localhost`, 127.0.0.0/8 and `[::1]`: a server on this machine. */
export function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

/** Whether an API key may be sent to this base URL: https, or this machine. */
export function keyMayGo(baseUrl: string): boolean {
  try {
    return new URL(baseUrl).protocol === 'https:' || isLoopback(baseUrl);
  } catch {
    return false;
  }
}

/** Whether the browser lets us reach an origin: its host permission (`permissions.contains`). */
export type HostGranted = (origin: string) => Promise<boolean>;

/**
 * Why a request to `url` must not go out (undefined when it may): its host is neither this machine
 * nor one whose permission is granted (the manifest's data hosts always are).
 */
export async function refusedHost(
  source: SourceId,
  url: string,
  granted: HostGranted,
): Promise<string | undefined> {
  if (isLoopback(url)) return undefined;
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return `${source}: not a URL`;
  }
  return (await granted(origin).catch(() => false))
    ? undefined
    : `no host permission for ${origin}: save the address again in the options to grant it`;
}
