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
  | { kind: 'lines'; lines: string[] };

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

/** The blocks as HTML and text, with an opening and closing paragraph around them when given. */
export function renderEmail(
  content: EmailContent,
  frame: { opening?: string; closing?: string[] } = {},
): RenderedEmail {
  const blocks = [
    ...(frame.opening ? [paragraph(frame.opening)] : []),
    ...content.blocks,
    ...(frame.closing?.length ? [lines(...frame.closing)] : []),
  ];
  return {
    subject: oneLine(content.subject),
    html: blocks.map(blockHtml).join('\n'),
    text: blocks.map(blockText).join('\n\n'),
  };
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
  }
}

function factHtml({ label, value, href }: Fact): string {
  const url = safeUrl(href);
  const shown = url ? `<a href="${escapeHtml(url)}">${escapeHtml(value)}</a>` : escapeHtml(value);
  return `<tr><th align="left" valign="top">${escapeHtml(label)}</th><td>${shown}</td></tr>`;
}

function blockText(block: Block): string {
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
          return `${label}: ${value}${url && url !== value ? ` (${url})` : ''}`;
        })
        .join('\n');
  }
}
