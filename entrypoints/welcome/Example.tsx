/**
 * The live example: the demo's first post (demo/posts.ts, written for the demo), detected and
 * resolved by the worker as a page's text is, its marks opening the real card with the figures the
 * worker holds, fetching nothing: on a first run, the built-in snapshot, labelled as such.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Card, type CardActions, type CardModel } from '@/components/Card';
import { stateOf } from '@/components/card-state';
import { writtenPosts } from '@/demo/posts';
import CARD_CSS from '@/entrypoints/content/card.css?inline';
import type { Match } from '@/utils/detect';
import { t } from '@/utils/i18n';
import type { BackgroundReply, ResolutionReply } from '@/utils/messages';
import { cardRoute, detectRoute, pinRoute, saveNoteRoute } from '@/utils/messages';
import { sendToBackground } from '@/utils/messaging';
import { pinKey } from '@/utils/registry/pin-keys';

/** The post the demo's card screenshot opens (demo/run.ts hovers its "Bitcoin"). */
const POST = writtenPosts[0];
const FIRST_CARD = 'Bitcoin';

interface Mark {
  match: Match;
  resolution: ResolutionReply;
}

type Detected = { kind: 'loading' } | { kind: 'ready'; marks: Mark[] } | { kind: 'error'; message: string };

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function Example() {
  const [detected, setDetected] = useState<Detected>({ kind: 'loading' });
  const [open, setOpen] = useState<Mark>();
  const text = POST?.text ?? '';

  const detect = () =>
    sendToBackground(detectRoute, { texts: [text] })
      .then(({ blocks }) => {
        const block = blocks[0];
        const marks = (block?.matches ?? []).flatMap((match, i) => {
          const resolution = block?.resolutions[i];
          return resolution ? [{ match, resolution }] : [];
        });
        setDetected({ kind: 'ready', marks });
        return marks;
      })
      .catch((err: unknown) => {
        setDetected({ kind: 'error', message: errorText(err) });
        return [];
      });

  useEffect(() => {
    void detect().then((marks) => setOpen(marks.find((m) => m.match.text === FIRST_CARD) ?? marks[0]));
  }, []);

  if (!POST) return null;
  return (
    <div class="example" data-testid="welcome-example">
      <article class="post">
        <p class="author">
          <strong>{POST.name}</strong> <span class="muted">@{POST.handle}</span>{' '}
          <span class="tag">{t('welcomeExampleWritten')}</span>
        </p>
        <p class="post-text" lang={POST.lang}>
          {detected.kind === 'ready' ? <Marked text={text} marks={detected.marks} onOpen={setOpen} /> : text}
        </p>
        {detected.kind === 'loading' ? (
          <p class="muted" role="status">
            {t('welcomeExampleLoading')}
          </p>
        ) : null}
        {detected.kind === 'error' ? (
          <p class="bad" role="alert">
            {t('welcomeExampleFailed', detected.message)}
          </p>
        ) : null}
      </article>
      {open ? (
        <ExampleCard
          mark={open}
          onPinned={() => void detect()}
          onClose={() => setOpen(undefined)}
          key={open.match.start}
        />
      ) : null}
    </div>
  );
}

/** The post's text with each detection as a mark (text nodes only: the text is never parsed as HTML). */
function Marked({ text, marks, onOpen }: { text: string; marks: Mark[]; onOpen: (m: Mark) => void }) {
  const parts = [];
  let at = 0;
  for (const m of [...marks].sort((a, b) => a.match.start - b.match.start)) {
    if (m.match.start < at) continue;
    parts.push(text.slice(at, m.match.start));
    parts.push(
      // A button (it opens the card, and the keyboard reaches it as the hover does), drawn as a mark.
      <button
        type="button"
        key={m.match.start}
        class={`mark ${m.match.kind === 'claim' ? 'claim' : 'asset'}`}
        data-kind={m.match.kind}
        onMouseEnter={() => onOpen(m)}
        onFocus={() => onOpen(m)}
        onClick={() => onOpen(m)}
      >
        {text.slice(m.match.start, m.match.end)}
      </button>,
    );
    at = m.match.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

function baseModel({ match, resolution }: Mark): Omit<CardModel, 'state'> {
  return {
    text: match.text,
    kind: match.kind,
    ...(resolution.asset ? { asset: resolution.asset } : {}),
    ...(resolution.candidates?.length ? { candidates: resolution.candidates } : {}),
    ...(resolution.candidateInfo?.length ? { candidateInfo: resolution.candidateInfo } : {}),
    ...(match.claim ? { claim: match.claim } : {}),
    claimsNearby: [],
  };
}

function withReply(base: Omit<CardModel, 'state'>, reply: BackgroundReply<'tickerlens:card'>): CardModel {
  return {
    ...base,
    data: reply.card,
    state: stateOf(reply.card, reply.refreshing),
    ...(reply.venue ? { venue: reply.venue } : {}),
    ...(reply.error ? { error: reply.error } : {}),
  };
}

/** The real card in its own shadow root, as on a page, shown beside the post instead of floating. */
function ExampleCard({ mark, onPinned, onClose }: { mark: Mark; onPinned: () => void; onClose: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  const [model, setModel] = useState<CardModel>({ ...baseModel(mark), state: 'loading' });

  const load = async (again = false) => {
    const base = baseModel(mark);
    if (!base.asset) {
      setModel({ ...base, state: 'ready' });
      return;
    }
    try {
      // What the worker holds (the snapshot on a first run), fetching nothing: the page opens by
      // itself at install. "Retry" is the reader's own ask, and fetches as on any page.
      const reply = await sendToBackground(
        cardRoute,
        again ? { asset: base.asset, wait: true } : { asset: base.asset, cached: true },
      );
      setModel(withReply(base, reply));
    } catch (err) {
      setModel({ ...base, state: 'error', error: errorText(err) });
    }
  };

  useEffect(() => void load(), []);

  useEffect(() => {
    const el = cardElement(box.current);
    if (!el?.shadowRoot) return;
    const shadow = el.shadowRoot;
    el.dataset.asset = model.asset ?? '';
    el.dataset.state = model.state;
    el.dataset.theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    const actions: CardActions = {
      onClose,
      onRetry: () => void load(true),
      onPin: (asset) => {
        const key = pinKey(mark.match);
        if (key) void sendToBackground(pinRoute, { key, asset }).then(onPinned, () => undefined);
      },
      onSaveNote: () => {
        const subject = model.asset ?? model.data?.assetId ?? '';
        sendToBackground(saveNoteRoute, {
          asset: subject,
          quote: (POST?.text ?? '').slice(0, 4000),
          url: location.href,
          detected: mark.match.text,
        }).then(
          () => setModel((m) => ({ ...m, noteSaved: true })),
          (err: unknown) => setModel((m) => ({ ...m, noteError: errorText(err) })),
        );
      },
    };
    const mount = shadow.lastChild as HTMLElement;
    render(<Card model={model} actions={actions} />, mount);
  });

  useEffect(
    () => () => {
      const mount = box.current?.firstElementChild?.shadowRoot?.lastChild;
      if (mount instanceof HTMLElement) render(null, mount);
    },
    [],
  );

  return <div class="card-box" ref={box} />;
}

/**
 * The `tickerlens-card` element with its shadow root and the card's styles, as the content script
 * makes it on pages (card-host.tsx), made once in `box`; the welcome page's styles place it in the flow.
 */
function cardElement(box: HTMLDivElement | null): HTMLElement | undefined {
  if (!box) return undefined;
  const existing = box.firstElementChild;
  if (existing instanceof HTMLElement) return existing;
  const el = document.createElement('tickerlens-card');
  const shadow = el.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CARD_CSS;
  shadow.append(style, document.createElement('div'));
  box.append(el);
  return el;
}
