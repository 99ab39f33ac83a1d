/**
 * Who gets a token's supply, from an unlock schedule: DefiLlama's categories (shares by schedule's
 * end) and the names of its sections. DefiLlama files investors under `insiders` for many tokens
 * (Arbitrum, Ethena, ether.fi, EigenLayer…), so the category alone cannot say "no investors": the
 * section names are read in every category, and a foundation's budget is never called a team's.
 */

/** Who a share of the supply goes to, in the words the verdicts use. */
export type Role =
  | 'investors'
  | 'team'
  /** DefiLlama's `insiders` where no section name says who. */
  | 'insiders'
  | 'foundation'
  | 'publicSale'
  | 'airdrop'
  | 'community'
  | 'staking'
  | 'other';

export interface AllocationInput {
  /** Share of supply per category, percent: now and by the schedule's end. */
  allocation: { current: Record<string, number>; final: Record<string, number> } | null;
  sections: ReadonlyArray<{
    label: string;
    category: string;
    amount: number | null;
    sharePct: number | null;
  }>;
}

export interface RoleShare {
  /** Percent of the supply by the schedule's end; null when a section says so but gives no figure. */
  pct: number | null;
  /** The schedule's own names for it ("Investors", "Seed Round"). */
  labels: string[];
  /** The categories (lower case) its share is drawn from. */
  categories: string[];
}

/** A combined share; when some part has no figure, the most it can be (its categories' shares). */
export interface CombinedShare {
  pct: number | null;
  upTo: number | null;
  labels: string[];
}

export interface AllocationFacts {
  /** Only the roles the schedule gives something to (a share above zero, or a named section). */
  roles: Partial<Record<Role, RoleShare>>;
  /** The schedule has a breakdown by category or section at all. */
  breakdown: boolean;
  /** Each category's share of the supply (lower case name → percent). */
  categoryPct: Record<string, number>;
}

// Section names, in the order they are tried: "Private Sale" is investors, "Team Tokens" the team,
// "Foundation Treasury" the foundation. Words, not substrings ("Seedify" is no seed round).
const LABEL_ROLES: ReadonlyArray<[Role, RegExp]> = [
  [
    'investors',
    /\b(investors?|backers?|seed|pre-?seed|strateg(ic|y) (round|sale|investors?|partners?)|strategic|private( sale| round| placement)?|series [a-e]|angels?|vcs?|venture|fundrais(e|ing)|pre-?sale|kol round)\b/i,
  ],
  [
    'team',
    /\b(team|core contributors?|contributors?|founders?|founding|advisors?|advisers?|employees?|developers?|dev fund|labs|company)\b/i,
  ],
  ['foundation', /\b(foundation|treasury|reserves?|dao|grants?|ecosystem|protocol development)\b/i],
  ['publicSale', /\b(public sale|ico|ido|ieo|launchpad|launchpool)\b/i],
  ['airdrop', /\b(airdrops?|genesis distribution|retroactive)\b/i],
  ['staking', /\bstaking\b/i],
  ['community', /\b(community|farming|rewards?|incentives?|liquidity mining)\b/i],
];

/** DefiLlama's categories, compared without case ("Uncategorized", "privateSale"). */
const CATEGORY_ROLES: Readonly<Record<string, Role>> = {
  privatesale: 'investors',
  insiders: 'insiders',
  publicsale: 'publicSale',
  airdrop: 'airdrop',
  farming: 'community',
  staking: 'staking',
  noncirculating: 'foundation',
  liquidity: 'other',
};

export function categoryRole(category: string): Role {
  return CATEGORY_ROLES[category.toLowerCase()] ?? 'other';
}

/** A section's role from its name, else from its category. */
export function sectionRole(label: string, category: string): Role {
  for (const [role, words] of LABEL_ROLES) if (words.test(label)) return role;
  return categoryRole(category);
}

export function allocationFacts(input: AllocationInput): AllocationFacts {
  const final = input.allocation?.final ?? {};
  const total = Object.values(final).reduce((a, b) => a + Math.max(b, 0), 0);
  const roles: Partial<Record<Role, RoleShare>> = {};
  const categoryPct: Record<string, number> = {};
  let key = '';
  const add = (role: Role, pct: number | null, label?: string) => {
    const r = roles[role] ?? { pct: 0, labels: [], categories: [] };
    roles[role] = r;
    r.pct = r.pct === null || pct === null ? null : r.pct + pct;
    if (label && !r.labels.includes(label)) r.labels.push(label);
    if (!r.categories.includes(key)) r.categories.push(key);
  };
  // A category's share is split among its sections by their own figures when every section has
  // one; what is left goes to the category's own role. Without figures, the share goes to the
  // category's role, and a section named for another role ("Investors" under insiders) makes that
  // role present with no figure: known to get something, not how much.
  const byCategory = new Map<string, Array<AllocationInput['sections'][number]>>();
  for (const s of input.sections) {
    const key = s.category.toLowerCase();
    byCategory.set(key, [...(byCategory.get(key) ?? []), s]);
  }
  const categories = new Set([...Object.keys(final).map((c) => c.toLowerCase()), ...byCategory.keys()]);
  for (key of categories) {
    const entry = Object.entries(final).find(([c]) => c.toLowerCase() === key);
    const catPct = entry && total > 0 ? (Math.max(0, entry[1]) / total) * 100 : null;
    if (catPct !== null) categoryPct[key] = catPct;
    const sections = byCategory.get(key) ?? [];
    const own = categoryRole(key);
    const figures = sections.length > 0 && sections.every((s) => s.sharePct !== null && s.sharePct >= 0);
    if (figures) {
      let given = 0;
      for (const s of sections) {
        const pct = s.sharePct ?? 0;
        given += pct;
        if (pct > 0) add(sectionRole(s.label, key), pct, s.label);
      }
      // Rounding between a category's share and its sections' figures is no section of its own.
      if (catPct !== null && catPct - given > 0.05) add(own, catPct - given);
      continue;
    }
    // Every section of the category named for one other role (an `insiders` category holding only
    // a foundation's budget): the category's share is that role's.
    const named = [...new Set(sections.map((s) => sectionRole(s.label, key)))];
    if (named.length === 1 && named[0] !== own) {
      const role = named[0] as Role;
      if (catPct !== null && catPct > 0.05) add(role, catPct);
      else add(role, null);
      for (const s of sections) add(role, 0, s.label);
      continue;
    }
    const ownLabels = sections.filter((s) => sectionRole(s.label, key) === own).map((s) => s.label);
    if (catPct !== null && catPct > 0.05) add(own, catPct);
    else if (catPct === null && ownLabels.length) add(own, null);
    for (const l of ownLabels) if (roles[own]) add(own, 0, l);
    for (const s of sections) {
      const role = sectionRole(s.label, key);
      if (role !== own) add(role, null, s.label);
    }
  }
  for (const [role, share] of Object.entries(roles) as Array<[Role, RoleShare]>)
    if (share.pct !== null && share.pct <= 0.05 && !share.labels.length) delete roles[role];
  return { roles, breakdown: total > 0 || input.sections.length > 0, categoryPct };
}

/**
 * The combined share of several roles: exact when every part has a figure; otherwise unknown, and
 * at most the shares of the categories its parts are drawn from ("Core Contributors" under an
 * `insiders` share of 45.8% that also holds a foundation's budget: up to 45.8%).
 */
export function shareOf(facts: AllocationFacts, roles: readonly Role[]): CombinedShare | undefined {
  const present = roles.flatMap((r) => (facts.roles[r] ? [facts.roles[r]] : []));
  if (!present.length) return undefined;
  const labels = present.flatMap((p) => p.labels);
  if (present.every((p) => p.pct !== null))
    return { pct: present.reduce((a, p) => a + (p.pct ?? 0), 0), upTo: null, labels };
  const categories = [...new Set(present.flatMap((p) => p.categories))];
  const bounded = categories.every((c) => c in facts.categoryPct);
  const upTo = bounded ? categories.reduce((a, c) => a + (facts.categoryPct[c] ?? 0), 0) : null;
  return { pct: null, upTo: upTo !== null && upTo > 0 ? upTo : null, labels };
}
