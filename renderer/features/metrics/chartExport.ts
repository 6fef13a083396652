import { call } from '../../api/client';
import { notifySuccess } from '../../api/errors';

// Saving a chart: its SVG serialized as drawn (recharts draws with attributes, so the file looks
// like the screen), or a PNG drawn from that SVG on a canvas at twice the size; either goes
// through the shell's Save dialog (file.saveAs), like the meeting documents.

const XMLNS = 'http://www.w3.org/2000/svg';

/** A standalone SVG document of the chart in `container`, with a background and the app's font. */
export function chartSvg(container: HTMLElement, background: string): { svg: string; width: number; height: number } | null {
  // The chart's own surface, not a legend icon (also an svg.recharts-surface).
  const source = container.querySelector('.recharts-wrapper > svg') ?? container.querySelector('svg');
  if (!source) return null;
  const clone = source.cloneNode(true) as SVGSVGElement;
  const box = source.getBoundingClientRect();
  const width = Math.round(Number(source.getAttribute('width')) || box.width || 600);
  const height = Math.round(Number(source.getAttribute('height')) || box.height || 300);
  clone.setAttribute('xmlns', XMLNS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.setAttribute('font-family', 'Inter, "Segoe UI", Roboto, Helvetica, Arial, sans-serif');
  const rect = document.createElementNS(XMLNS, 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', background);
  clone.insertBefore(rect, clone.firstChild);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`, width, height };
}

/** The PNG (base64, no data: prefix) of an SVG drawn on a canvas at `scale`. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<string> {
  const image = new Image();
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
    image.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This window cannot draw images.');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

/** A file name from the chart's title and the period: "policy-wins-2026.png". */
export function chartFileName(title: string, period: string, extension: 'png' | 'svg'): string {
  const slug = `${title} ${period}`
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'chart'}.${extension}`;
}

export async function saveChart(container: HTMLElement, options: { title: string; period: string; format: 'png' | 'svg'; background: string }): Promise<void> {
  const drawn = chartSvg(container, options.background);
  if (!drawn) throw new Error('There is no chart to save yet.');
  const suggestedName = chartFileName(options.title, options.period, options.format);
  const result =
    options.format === 'svg'
      ? await call('file.saveAs', { suggestedName, mimeType: 'image/svg+xml', content: drawn.svg, encoding: 'utf8' })
      : await call('file.saveAs', { suggestedName, mimeType: 'image/png', content: await svgToPng(drawn.svg, drawn.width, drawn.height), encoding: 'base64' });
  if (result.saved) notifySuccess(`Saved the chart as ${result.fileName ?? suggestedName}.`);
}
