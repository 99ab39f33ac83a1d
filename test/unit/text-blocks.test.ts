import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { collectBlocks, locate } from '../../entrypoints/content/text-blocks';

const doc = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;

describe('text blocks', () => {
  it('merges inline markup into one block and keeps nested blocks apart', () => {
    const d = doc(
      '<p>Buy <a href="/search?q=%24BTC&src=cashtag_click">$BTC</a> <b>now</b></p><div>outer<p>inner</p></div>',
    );
    const blocks = collectBlocks(d.body);
    expect(blocks.map((b) => b.text)).toEqual(['Buy $BTC now', 'outer', 'inner']);
  });

  it('reads an X post as one block although X wraps each mention in a <div>', () => {
    const d = doc(
      '<div data-testid="tweetText"><span>gm </span><div class="r-xoduu5"><span><a href="/HyperliquidX">@HyperliquidX</a></span></div><span> airdropped 28%</span></div>',
    );
    expect(collectBlocks(d.body).map((b) => b.text)).toEqual(['gm @HyperliquidX airdropped 28%']);
  });

  it('never reads form fields, editable areas, code, scripts or styles', () => {
    const d = doc(
      '<p>$ETH</p><textarea>$T1</textarea><div contenteditable="true"><p>$T2</p></div><div role="textbox">$T3</div><pre><code>$T4</code></pre><script>var a="$T5"</script><style>.a{}</style><div contenteditable="false"><p>$SOL</p></div>',
    );
    expect(collectBlocks(d.body).map((b) => b.text)).toEqual(['$ETH', '$SOL']);
  });

  it('skips the same elements inside a text container, read from a block root or not', () => {
    const d = doc(
      '<div id="root"><div data-testid="tweetText"><span>$BTC </span><button>Show $T1</button><span contenteditable="">$T2</span><svg><text>$T3</text></svg><div><span>@a</span></div></div><p>$ETH<code>$T4</code></p></div>',
    );
    const root = d.getElementById('root');
    if (!root) throw new Error('no root');
    expect(collectBlocks(root, undefined, true).map((b) => b.text)).toEqual(['$BTC @a', '$ETH']);
    expect(collectBlocks(root).map((b) => b.text)).toEqual(['$BTC @a', '$ETH']);
    // A root that is itself editable (a post's text turned into an editor) is not read.
    root.querySelector('[data-testid="tweetText"]')?.setAttribute('contenteditable', 'true');
    const post = root.querySelector('[data-testid="tweetText"]');
    if (!post) throw new Error('no post');
    expect(collectBlocks(post, undefined, true)).toEqual([]);
  });

  it('parts the words on either side of a line break, and maps past it to the right nodes', () => {
    const d = doc('<p>Top movers:<br>Bitcoin<br><br>Ethereum<b><br>$SOL</b></p><p><br>Solana</p>');
    const [block, second] = collectBlocks(d.body);
    if (!block) throw new Error('no block');
    expect(block.text).toBe('Top movers:\nBitcoin\nEthereum\n$SOL');
    expect(second?.text).toBe('Solana');
    const at = block.text.indexOf('$SOL');
    expect(locate(block, at)).toMatchObject({ offset: 0, node: { data: '$SOL' } });
    expect(locate(block, at + 4, true)).toMatchObject({ offset: 4, node: { data: '$SOL' } });
    expect(locate(block, block.text.indexOf('Bitcoin') + 7, true)).toMatchObject({ offset: 7 });
  });

  it('maps block offsets back to text nodes', () => {
    const d = doc('<p>ab<b>cd</b>ef</p>');
    const [block] = collectBlocks(d.body);
    if (!block) throw new Error('no block');
    expect(locate(block, 0)).toMatchObject({ offset: 0 });
    expect(locate(block, 3)?.node.data).toBe('cd');
    expect(locate(block, 3)?.offset).toBe(1);
    // An end offset at a node boundary stays in the earlier node.
    expect(locate(block, 4, true)?.node.data).toBe('cd');
    expect(locate(block, 4, true)?.offset).toBe(2);
    expect(locate(block, 4)?.node.data).toBe('ef');
  });
});
