/**
 * The floor's worker: answers each text with the [start, end] pairs of a few words and cashtags.
 * A stand-in for detection, which runs off the page's main thread and so costs the page nothing
 * but the message and its answer.
 */
const WORDS = /\$[A-Za-z]{2,6}\b|\b(?:Bitcoin|Ethereum|Solana|Strategy|no VC|fair launch)\b|比特币/g;

chrome.runtime.onConnect.addListener((port) => {
  port.onMessage.addListener((message) => {
    const found = message.texts.map((text) => {
      const pairs = [];
      for (const m of text.matchAll(WORDS)) pairs.push(m.index, m.index + m[0].length);
      return pairs;
    });
    port.postMessage({ id: message.id, found });
  });
});
