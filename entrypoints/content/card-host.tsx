/**
 * The one shared hover card: a `tickerlens-card` element, child of `<html>`, with an open shadow
 * root (automation contract §3). It carries `data-asset` and `data-state`; it never covers the
 * hovered word; it follows X's light, dim and dark themes and `prefers-color-scheme`.
 */
import { render } from 'preact';
import { Card, type CardActions, type CardModel } from '@/components/Card';
import { placeCard } from './card-placement';
import { CARD_CSS } from './card-style';

export class CardHost {
  #host: HTMLElement | undefined;
  #mount: HTMLElement | undefined;
  /** Where keyboard focus was before `focus()` moved it into the card: it goes back there. */
  #focusBefore: HTMLElement | undefined;
  #destroyed = false;

  readonly #doc: Document;

  constructor(doc: Document) {
    this.#doc = doc;
  }

  get element(): HTMLElement | undefined {
    return this.#host;
  }

  isOpen(): boolean {
    return !!this.#host?.isConnected;
  }

  contains(node: Node | null): boolean {
    return !!node && !!this.#host && (node === this.#host || this.#host.contains(node));
  }

  /** Shows (or updates) the card; `anchor` is the hovered word's box, which it never covers. */
  show(model: CardModel, anchor: DOMRect, actions: CardActions): void {
    // Torn down (the content script stopped): an answer that lands later shows nothing.
    if (this.#destroyed) return;
    const { host, mount } = this.#ensure();
    host.dataset.asset = model.asset ?? '';
    host.dataset.state = model.state;
    host.dataset.theme = pageTheme(this.#doc);
    render(<Card model={model} actions={actions} />, mount);
    this.#place(anchor);
  }

  /** Moves keyboard focus into the card (its dialog), for keyboard and screen-reader users. */
  focus(): void {
    const active = this.#doc.activeElement;
    if (active !== this.#host && active instanceof HTMLElement) this.#focusBefore = active;
    this.#host?.shadowRoot?.querySelector<HTMLElement>('.card')?.focus();
  }

  hide(): void {
    if (!this.#host) return;
    // Focus inside the card (the keyboard opened it, or the reader tabbed in) goes back to where
    // it was, not to the page's <body>; focus elsewhere stays where the reader put it.
    const hadFocus = this.#doc.activeElement === this.#host;
    const back = this.#focusBefore;
    this.#focusBefore = undefined;
    if (this.#mount) render(null, this.#mount);
    this.#host.remove();
    if (hadFocus && back?.isConnected) back.focus({ preventScroll: true });
  }

  destroy(): void {
    this.#destroyed = true;
    this.hide();
    this.#host = undefined;
    this.#mount = undefined;
  }

  #ensure(): { host: HTMLElement; mount: HTMLElement } {
    if (!this.#host || !this.#mount) {
      const host = this.#doc.createElement('tickerlens-card');
      const shadow = host.attachShadow({ mode: 'open' });
      const style = this.#doc.createElement('style');
      style.textContent = CARD_CSS;
      const mount = this.#doc.createElement('div');
      shadow.append(style, mount);
      // Keys pressed in the card are the card's (Tab, Enter, Space on its buttons): the page's own
      // shortcuts (X's j, k, l, r, n) must not act on the post behind it. Esc goes on to the page,
      // where the content script's listener closes the card.
      host.addEventListener('keydown', (e) => {
        if (e.key === 'Tab') trapTab(shadow, e);
        if (e.key !== 'Escape') e.stopPropagation();
      });
      this.#host = host;
      this.#mount = mount;
    }
    if (!this.#host.isConnected) this.#doc.documentElement.append(this.#host);
    return { host: this.#host, mount: this.#mount };
  }

  /** Placed by `placeCard`, from the card's whole height (measured uncut). */
  #place(anchor: DOMRect): void {
    const host = this.#host;
    if (!host) return;
    const view = {
      width: this.#doc.documentElement.clientWidth,
      height: this.#doc.documentElement.clientHeight,
    };
    host.style.left = '0px';
    host.style.top = '0px';
    host.style.removeProperty(MAX_HEIGHT_VAR);
    const p = placeCard(anchor, host.getBoundingClientRect(), view);
    if (p.maxHeight !== undefined) host.style.setProperty(MAX_HEIGHT_VAR, `${p.maxHeight}px`);
    host.style.left = `${p.left}px`;
    host.style.top = `${p.top}px`;
  }
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/**
 * Tab and Shift+Tab cycle through the open card's links and buttons until Esc: focus never falls
 * out of the card onto the page behind it.
 */
function trapTab(shadow: ShadowRoot, e: KeyboardEvent): void {
  const items = [...shadow.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.getClientRects().length > 0,
  );
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return;
  const active = shadow.activeElement;
  const inside = !!active && items.includes(active as HTMLElement);
  if (e.shiftKey && (!inside || active === first)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (!inside || active === last)) {
    e.preventDefault();
    first.focus();
  }
}

/** The card's height limit (card.css), set when it is cut to the room beside the word. */
const MAX_HEIGHT_VAR = '--tl-max-height';

/**
 * X paints its themes on <body>: white (light), rgb(21, 32, 43) (dim), black (lights out). Other
 * pages: a dark body background means dark; a transparent one defers to `prefers-color-scheme`.
 */
export function pageTheme(doc: Document): 'light' | 'dim' | 'dark' {
  const view = doc.defaultView;
  const bg = doc.body && view ? view.getComputedStyle(doc.body).backgroundColor : '';
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/.exec(bg);
  if (m && (m[4] === undefined || Number(m[4]) > 0.5)) {
    const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (r === 21 && g === 32 && b === 43) return 'dim';
    const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    return luminance < 100 ? 'dark' : 'light';
  }
  return view?.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
