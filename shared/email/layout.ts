/**
 * Emails are written as a few plain blocks and rendered twice, as HTML and as text, here. Templates
 * never write HTML themselves, so everything they put in is escaped in one place, and a link is only
 * a link when it is http(s).
 */

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface Fact {
  label: string;
  value: string;
  /** Makes the value a link (http or https only; anything else stays text). */
  href?: string;
}

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'facts'; facts: Fact[] }
  | { kind: 'list'; items: string[] }
  /** Short lines kept together (a sign-off, a staff notice). */
  | { kind: 'lines'; lines: string[] }
  /** One link on its own line (the tracking page); text only when the URL is not http(s). */
  | { kind: 'link'; text: string; href: string };

export interface EmailContent {
  subject: string;
  blocks: Block[];
}

export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
/** A table of facts; rows that are falsy are left out, so templates can write `cond && { ... }`. */
export const facts = (...rows: (Fact | undefined | null | false | '')[]): Block => ({
  kind: 'facts',
  facts: rows.filter((row): row is Fact => Boolean(row)),
});
export const list = (items: string[]): Block => ({ kind: 'list', items });
export const lines = (...texts: string[]): Block => ({ kind: 'lines', lines: texts });
export const link = (text: string, href: string): Block => ({ kind: 'link', text, href });

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The URL if it is an absolute http(s) URL, else undefined (no javascript:, data: or relative links). */
export function safeUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** One line: a subject header must not carry line breaks. */
export function oneLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/**
 * The blocks as HTML and text, with an opening and closing paragraph around them when given, and
 * blocks after the closing (`footer`). With `lang`, the HTML is a whole document in that language,
 * readable on a phone; without, a fragment (staff notices).
 */
export function renderEmail(
  content: EmailContent,
  frame: { opening?: string; closing?: string[]; footer?: Block[]; lang?: string } = {},
): RenderedEmail {
  const blocks = [
    ...(frame.opening ? [paragraph(frame.opening)] : []),
    ...content.blocks,
    ...(frame.closing?.length ? [lines(...frame.closing)] : []),
    ...(frame.footer ?? []),
  ];
  const subject = oneLine(content.subject);
  const body = blocks.map(blockHtml).join('\n');
  return {
    subject,
    html: frame.lang ? htmlDocument(frame.lang, subject, body) : body,
    // Chinese text separates a label from its value with a full-width colon.
    text: blocks.map((block) => blockText(block, frame.lang?.startsWith('zh') ? '：' : ': ')).join('\n\n'),
  };
}

function htmlDocument(lang: string, title: string, body: string): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title></head>`,
    "<body style=\"margin:0;padding:16px;font-family:Arial,'PingFang SC','Microsoft YaHei',sans-serif;font-size:15px;line-height:1.5;color:#1f2933\">",
    '<div style="max-width:600px;margin:0 auto">',
    body,
    '</div></body></html>',
  ].join('\n');
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'lines':
      return `<p>${block.lines.map(escapeHtml).join('<br>')}</p>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'facts':
      return `<table role="presentation">${block.facts.map(factHtml).join('')}</table>`;
    case 'link': {
      const url = safeUrl(block.href);
      return url
        ? `<p>${escapeHtml(block.text)}<br><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`
        : `<p>${escapeHtml(block.text)}</p>`;
    }
  }
}

function factHtml({ label, value, href }: Fact): string {
  const url = safeUrl(href);
  const shown = url ? `<a href="${escapeHtml(url)}">${escapeHtml(value)}</a>` : escapeHtml(value);
  return `<tr><th align="left" valign="top">${escapeHtml(label)}</th><td>${shown}</td></tr>`;
}

function blockText(block: Block, separator: string): string {
  switch (block.kind) {
    case 'lines':
      return block.lines.join('\n');
    case 'paragraph':
      return block.text;
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'facts':
      return block.facts
        .map(({ label, value, href }) => {
          const url = safeUrl(href);
          return `${label}${separator}${value}${url && url !== value ? ` (${url})` : ''}`;
        })
        .join('\n');
    case 'link': {
      const url = safeUrl(block.href);
      return url ? `${block.text}\n${url}` : block.text;
    }
  }
}
