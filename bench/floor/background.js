/**
 * The floor's worker: answers each text with the [start, end] pairs of what Tickerlens's own
 * detector finds in it, looked up in answers.js, which the page bench writes into its copy of this
 * directory (bench/page.ts, `floorDirectory`). Detection runs off the page's main thread, so it
 * costs the page nothing but the message and its answer; looking the answers up makes the floor
 * mark what Tickerlens marks, no more and no less.
 */
let answers = {};
try {
  importScripts('answers.js');
  answers = self.FLOOR_ANSWERS;
} catch (err) {
  console.error('Bench floor: answers.js is missing (bench/page.ts writes it into its copy)', err);
}

chrome.runtime.onConnect.addListener((port) => {
  port.onMessage.addListener((message) => {
    // Each copy of a post ends in its own serial number (bench/page.ts): looked up without it.
    const found = message.texts.map((text) => answers[text.replace(/ · \d+$/, '')] ?? []);
    port.postMessage({ id: message.id, found });
  });
});
