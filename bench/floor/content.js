/**
 * The floor of the page bench (bench/page.ts, BENCH_FLOOR=1): the least an extension can do to
 * mark X's posts the way Tickerlens does, with none of its checks, caches or other pages. It reads
 * the post text and the author's name line of every cell X mounts, sends the new texts to its
 * worker every 200 ms, and paints the answer's matches (those outside X's links, which Tickerlens
 * marks with a stylesheet rule) as background layers of the cell, measured in a ResizeObserver
 * report.
 * What the bench adds for it is what any such design costs the page; Tickerlens's own figure is
 * read against it. Not part of the extension.
 */
(() => {
  const port = chrome.runtime.connect();
  /** Texts read and not yet answered, with where each was read. */
  const waiting = new Map();
  const asked = new Map();
  const marks = new Map();
  const dirty = new Set();
  const range = document.createRange();
  let askTimer = 0;
  let paintTimer = 0;
  let nextId = 0;
  const resizes = new ResizeObserver(() => paint());

  port.onMessage.addListener((message) => {
    const texts = asked.get(message.id) ?? [];
    asked.delete(message.id);
    message.found.forEach((pairs, i) => {
      const text = texts[i];
      for (const { root, cell } of waiting.get(text)?.places ?? []) {
        if (!pairs.length || !cell) continue;
        const list = marks.get(cell) ?? [];
        list.push({ root, pairs });
        marks.set(cell, list);
        dirty.add(cell);
      }
      waiting.delete(text);
    });
    if (dirty.size && !paintTimer) {
      paintTimer = setTimeout(() => {
        paintTimer = 0;
        for (const cell of dirty) {
          resizes.unobserve(cell);
          resizes.observe(cell);
        }
      }, 150);
    }
  });

  /** The text node and offset of a place in the root's text: a start in the node it begins, an end in the node it ends. */
  function locate(root, offset, end) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (offset < n.data.length || (end && offset === n.data.length)) return [n, offset];
      offset -= n.data.length;
    }
    return null;
  }

  function paint() {
    const writes = [];
    for (const cell of dirty) {
      if (!cell.isConnected) continue;
      const box = cell.getBoundingClientRect();
      const images = [];
      const positions = [];
      const sizes = [];
      for (const { root, pairs } of marks.get(cell) ?? []) {
        for (let i = 0; i < pairs.length; i += 2) {
          const a = locate(root, pairs[i], false);
          const b = locate(root, pairs[i + 1], true);
          // X's links in post text (cashtags, mentions) are marked by Tickerlens's stylesheet.
          if (!a || !b || a[0].parentElement?.closest('a')?.closest('[data-testid="tweetText"]')) continue;
          range.setStart(a[0], a[1]);
          range.setEnd(b[0], b[1]);
          for (const r of range.getClientRects()) {
            if (r.width < 1 || r.height < 1) continue;
            images.push('linear-gradient(#1d9bf033,#1d9bf033)');
            positions.push(`${r.left - box.left}px ${r.top - box.top}px`);
            sizes.push(`${r.width}px ${r.height}px`);
          }
        }
      }
      if (images.length) writes.push([cell, images, positions, sizes]);
    }
    dirty.clear();
    for (const [cell, images, positions, sizes] of writes) {
      cell.style.backgroundImage = images.join(',');
      cell.style.backgroundPosition = positions.join(',');
      cell.style.backgroundSize = sizes.join(',');
      cell.style.backgroundRepeat = 'no-repeat';
    }
  }

  function read(el) {
    const roots = [
      ...el.querySelectorAll('[data-testid="tweetText"]'),
      ...el.querySelectorAll('[data-testid="User-Name"]'),
    ];
    for (const root of roots) {
      const cell = root.closest('[data-testid="cellInnerDiv"]');
      const text = root.textContent;
      const entry = waiting.get(text) ?? { places: [], asked: false };
      entry.places.push({ root, cell });
      waiting.set(text, entry);
    }
    if (askTimer) return;
    askTimer = setTimeout(() => {
      askTimer = 0;
      const texts = [];
      for (const [text, entry] of waiting) {
        if (entry.asked) continue;
        entry.asked = true;
        texts.push(text);
      }
      if (!texts.length) return;
      const id = ++nextId;
      asked.set(id, texts);
      port.postMessage({ id, texts });
    }, 200);
  }

  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) read(n);
  }).observe(document.body, { childList: true, subtree: true });
  read(document.body);
})();
