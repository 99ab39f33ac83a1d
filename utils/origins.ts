/**
 * A web origin as the sites list and the host permissions hold it (`https://www.coindesk.com`),
 * read with the URL parser rather than a pattern: `https://a.example@b.example`, `https://*.com`,
 * `https://x.com/path` or an upper-case host are not origins, and become permission patterns
 * (`<origin>/*`) only when the parser gives back exactly the same text.
 */
export function isWebOrigin(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === s && !u.hostname.includes('*');
  } catch {
    return false;
  }
}
