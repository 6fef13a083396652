// The narrative a coordinator writes for a report (challenges, next steps, how to get involved):
// plain text, markdown-ish. Blank lines separate paragraphs; lines starting with "- ", "* " or
// "• " are bullets; a line starting with "## " is a sub-heading. Everything else is text, never
// markup: the PDF, the HTML and the Markdown exports and the editor's preview all read the same
// blocks from this one parser. Pure (no Node, no DOM).

export type NarrativeBlock = { kind: 'paragraph'; text: string } | { kind: 'bullets'; items: string[] } | { kind: 'heading'; text: string };

const BULLET = /^\s*[-*•]\s+(.*)$/;
const HEADING = /^\s*#{1,6}\s+(.*)$/;

export function parseNarrative(source: string): NarrativeBlock[] {
  const blocks: NarrativeBlock[] = [];
  let paragraph: string[] = [];
  let bullets: string[] | null = null;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
    if (bullets && bullets.length > 0) blocks.push({ kind: 'bullets', items: bullets });
    bullets = null;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      const text = (heading[1] ?? '').trim();
      if (text) blocks.push({ kind: 'heading', text });
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      if (paragraph.length > 0) {
        blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
        paragraph = [];
      }
      bullets ??= [];
      bullets.push((bullet[1] ?? '').trim());
      continue;
    }
    if (bullets) {
      // A line right under a bullet continues it (a wrapped bullet).
      const last = bullets.length - 1;
      bullets[last] = `${bullets[last] ?? ''} ${line}`;
      continue;
    }
    paragraph.push(line);
  }
  flush();
  return blocks;
}

/** Whether the narrative says anything (only blank lines count as empty). */
export function hasNarrative(source: string): boolean {
  return source.trim() !== '';
}
