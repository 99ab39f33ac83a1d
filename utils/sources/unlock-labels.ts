/**
 * The words of DefiLlama's unlock events. Their descriptions are templates (emissions-adapters
 * `utils/events.ts`, `addResultToEvents`): "A cliff of {tokens[0]} tokens will unlock from <section>
 * on {timestamp}", "Linear unlock will increase from {tokens[0]} to {tokens[1]} tokens per week from
 * <section> on {timestamp}", "On {timestamp} {tokens[0]} of <section> tokens will be unlocked". The
 * card names an unlock by its section; a text that is none of these is filled in, never shown raw.
 */

const SECTION_PATTERNS = [
  /^A cliff of \{tokens\[0\]\} tokens (?:will|was) unlock(?:ed)? from (.+) on \{timestamp\}$/,
  /^Linear unlock (?:will|was) (?:increase|decrease)d? from \{tokens\[0\]\} to \{tokens\[1\]\} tokens per week from (.+) on \{timestamp\}$/,
  /^On \{timestamp\} \{tokens\[0\]\} of (.+) tokens (?:will be|were) unlocked$/,
];

/** The section an event's description names, or null when it is not one of the templates. */
export function sectionOf(description: string | null | undefined): string | null {
  if (!description) return null;
  for (const re of SECTION_PATTERNS) {
    const m = re.exec(description.trim());
    if (m?.[1]) return m[1];
  }
  return null;
}

const tokenFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** DefiLlama's dates are UTC: the calendar date, with the time when it is not midnight. */
function utcStamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time} UTC`;
}

/**
 * A description with its placeholders (`{tokens[0]}`, `{tokens[1]}`, `{timestamp}`) filled, or null
 * when one cannot be filled.
 */
export function fillDescription(
  description: string,
  tokens: readonly number[],
  dateMs: number,
): string | null {
  const filled = description
    .replace(/\{tokens\[(\d+)\]\}/g, (whole, i: string) => {
      const n = tokens[Number(i)];
      return n === undefined ? whole : tokenFormat.format(n);
    })
    .replace(/\{timestamp\}/g, utcStamp(dateMs));
  return /[{}]/.test(filled) ? null : filled.trim() || null;
}

/** An unlock's name: the section its description names, else the description filled, else `fallback`. */
export function unlockLabel(
  description: string | null | undefined,
  tokens: readonly number[],
  dateMs: number,
  fallback: string,
): string {
  return (
    sectionOf(description) ?? (description ? fillDescription(description, tokens, dateMs) : null) ?? fallback
  );
}
