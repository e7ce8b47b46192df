// Stated figures, grouped for charting. Pure, so it is unit-tested in Node (stated.test.ts).
import type { StatedFigure } from './queries.js';

/**
 * A stated figure's series: its document and paragraph, with the group elided where the
 * paragraph's last part names it ("annex II matrix, pillar III" → "annex II matrix, pillar …"), so
 * the same place in the document for every group is one series.
 */
export function statedSeries(figure: StatedFigure): string {
  const group = figure.group ?? '';
  const parts = figure.source.paragraph.split(', ');
  const last = parts.length - 1;
  const tail = parts[last];
  if (group !== '' && tail !== undefined) {
    const escaped = group.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    parts[last] = tail.replace(new RegExp(`(^|\\s)${escaped}$`), '$1…');
  }
  return `${figure.source.document.key}, ${parts.join(', ')}`;
}
