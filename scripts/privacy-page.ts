/**
 * PRIVACY.md as a page of the extension (`privacy.html`, linked from the welcome and settings
 * pages), made at build time so the policy shipped is the policy in the repository, word for word.
 * markdown-it with `html: false`: the page is the Markdown's text and tables, never raw HTML.
 */
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';

const STYLE = `body{margin:0;font:15px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Noto Sans SC",sans-serif;color-scheme:light dark}
main{max-width:880px;margin:0 auto;padding:16px 20px 48px}table{border-collapse:collapse;font-size:13px}
th,td{border:1px solid #8884;padding:4px 6px;vertical-align:top;text-align:left}code{font-size:90%}`;

export function privacyPage(markdownPath: string): string {
  const body = new MarkdownIt({ html: false, linkify: false }).render(readFileSync(markdownPath, 'utf8'));
  return `<!doctype html>
<html lang="en"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Tickerlens privacy policy</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>
`;
}
