import type { PageSize } from '@shared/pdf';
import type { Digest, DigestList } from '@shared/reports/contract';
import { parseNarrative } from '@shared/reports/narrative';
import { dayLabel } from '@shared/reports/period';
import { PdfBuilder } from '../pdf/document';
import { narrative } from './impact';

// The digest as an email-ready HTML fragment (inline styles only: mail programs drop <style>
// blocks and classes; every text escaped), as Markdown (every text escaped, so a name with * or _
// stays a name), and as a PDF. All three print the same lists from the same Digest.

const STYLE = {
  body: 'font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1f2328; max-width: 640px; margin: 0 auto;',
  h1: 'font-size: 22px; margin: 0 0 4px; color: #1c5d99;',
  sub: 'margin: 0 0 20px; color: #59636e; font-size: 14px;',
  h2: 'font-size: 18px; margin: 24px 0 8px; color: #1c5d99; border-bottom: 1px solid #d0d7de; padding-bottom: 4px;',
  h3: 'font-size: 15px; margin: 16px 0 6px; color: #1f2328;',
  ul: 'margin: 0 0 8px; padding-left: 20px;',
  li: 'margin: 0 0 4px;',
  date: 'color: #59636e; white-space: nowrap;',
  detail: 'color: #59636e;',
  empty: 'margin: 0 0 8px; color: #59636e; font-style: italic;',
  p: 'margin: 0 0 10px;',
  footer: 'margin-top: 28px; font-size: 12px; color: #59636e;',
} as const;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * Text that Markdown shows as written: the characters that start emphasis, links, code, HTML and
 * tables are backslash-escaped everywhere; those that start a heading, a list or a quote only at
 * the start of a line (where they would).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '\\&')
    .replace(/^(\s*)([#+\-=])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

function when(on: string): string {
  return on ? dayLabel(on) : '';
}

function htmlList(list: DigestList): string {
  const heading = `<h3 style="${STYLE.h3}">${escapeHtml(list.heading)}</h3>`;
  if (list.items.length === 0) return `${heading}<p style="${STYLE.empty}">${escapeHtml(list.empty)}</p>`;
  const items = list.items
    .map((item) => {
      const date = item.on ? `<span style="${STYLE.date}">${escapeHtml(when(item.on))}</span> · ` : '';
      const detail = item.detail ? ` <span style="${STYLE.detail}">— ${escapeHtml(item.detail)}</span>` : '';
      return `<li style="${STYLE.li}">${date}${escapeHtml(item.title)}${detail}</li>`;
    })
    .join('');
  return `${heading}<ul style="${STYLE.ul}">${items}</ul>`;
}

function htmlNarrative(source: string): string {
  return parseNarrative(source)
    .map((block) => {
      if (block.kind === 'heading') return `<h3 style="${STYLE.h3}">${escapeHtml(block.text)}</h3>`;
      if (block.kind === 'bullets') return `<ul style="${STYLE.ul}">${block.items.map((i) => `<li style="${STYLE.li}">${escapeHtml(i)}</li>`).join('')}</ul>`;
      return `<p style="${STYLE.p}">${escapeHtml(block.text)}</p>`;
    })
    .join('');
}

/** The digest as one HTML document whose body is a single inline-styled block (what an email program pastes). */
export function digestHtml(digest: Digest): string {
  const body = [
    `<h1 style="${STYLE.h1}">${escapeHtml(digest.title)}</h1>`,
    `<p style="${STYLE.sub}">${escapeHtml(digest.coalitionName)} · ${escapeHtml(digest.periodLabel)}</p>`,
    `<h2 style="${STYLE.h2}">What happened</h2>`,
    ...digest.happened.map(htmlList),
    `<h2 style="${STYLE.h2}">What is coming (${escapeHtml(digest.coming.label)})</h2>`,
    ...digest.upcoming.map(htmlList),
    ...(digest.getInvolvedMd.trim() ? [`<h2 style="${STYLE.h2}">How to get involved</h2>`, htmlNarrative(digest.getInvolvedMd)] : []),
    `<p style="${STYLE.footer}">${escapeHtml(digest.coalitionName)}</p>`,
  ].join('\n');
  return `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${escapeHtml(digest.title)}</title></head>\n<body>\n<div style="${STYLE.body}">\n${body}\n</div>\n</body>\n</html>\n`;
}

function markdownList(list: DigestList): string {
  const lines = [`### ${escapeMarkdown(list.heading)}`, ''];
  if (list.items.length === 0) lines.push(`*${escapeMarkdown(list.empty)}*`);
  for (const item of list.items) {
    const date = item.on ? `**${escapeMarkdown(when(item.on))}** · ` : '';
    const detail = item.detail ? ` — ${escapeMarkdown(item.detail)}` : '';
    lines.push(`- ${date}${escapeMarkdown(item.title)}${detail}`);
  }
  return lines.join('\n');
}

function markdownNarrative(source: string): string {
  return parseNarrative(source)
    .map((block) => {
      if (block.kind === 'heading') return `### ${escapeMarkdown(block.text)}`;
      if (block.kind === 'bullets') return block.items.map((i) => `- ${escapeMarkdown(i)}`).join('\n');
      return escapeMarkdown(block.text);
    })
    .join('\n\n');
}

export function digestMarkdown(digest: Digest): string {
  const parts = [
    `# ${escapeMarkdown(digest.title)}`,
    `${escapeMarkdown(digest.coalitionName)} · ${escapeMarkdown(digest.periodLabel)}`,
    '## What happened',
    ...digest.happened.map(markdownList),
    `## What is coming (${escapeMarkdown(digest.coming.label)})`,
    ...digest.upcoming.map(markdownList),
    ...(digest.getInvolvedMd.trim() ? ['## How to get involved', markdownNarrative(digest.getInvolvedMd)] : []),
  ];
  return `${parts.join('\n\n')}\n`;
}

export async function digestPdf(digest: Digest, options: { logo: Buffer | null; pageSize: PageSize; createdAt: Date; author?: string }): Promise<{ bytes: Buffer; pages: number }> {
  const pdf = new PdfBuilder({ title: digest.title, coalitionName: digest.coalitionName, logo: options.logo, pageSize: options.pageSize, createdAt: options.createdAt, ...(options.author ? { author: options.author } : {}) });
  pdf.title(`${digest.coalitionName} · ${digest.periodLabel}`);
  const lists = (lists: readonly DigestList[]) => {
    for (const list of lists) {
      pdf.heading(list.heading, 2);
      if (list.items.length === 0) pdf.paragraph(list.empty, { tone: 'muted', italic: true });
      else pdf.bullets(list.items.map((item) => [item.on ? `${when(item.on)} · ` : '', item.title, item.detail ? ` — ${item.detail}` : ''].join('')));
    }
  };
  pdf.heading('What happened');
  lists(digest.happened);
  pdf.heading(`What is coming (${digest.coming.label})`);
  lists(digest.upcoming);
  if (digest.getInvolvedMd.trim()) {
    pdf.heading('How to get involved');
    narrative(pdf, parseNarrative(digest.getInvolvedMd));
  }
  const bytes = await pdf.finish();
  return { bytes, pages: pdf.pageCount };
}
