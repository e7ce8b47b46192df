// The evidence-level checkboxes both pages show: one per level (ids `evidence-documented` …),
// titled with what the level means; a change reports the levels now ticked.
import { byId, h, type Child } from './dom.js';
import { EVIDENCE, EVIDENCE_STYLE, type Evidence } from './vocab.js';

const checkboxId = (level: Evidence) => `evidence-${level.toLowerCase()}`;

export function buildEvidenceFilter(
  container: HTMLElement,
  options: {
    readonly checked: (level: Evidence) => boolean;
    /** What stands before the level's name in its label (the explorer draws the line style). */
    readonly sample?: (level: Evidence) => Child[];
    readonly onChange: (levels: Evidence[]) => void;
  },
): void {
  for (const level of EVIDENCE) {
    container.appendChild(
      h(
        'label',
        { for: checkboxId(level), title: EVIDENCE_STYLE[level].meaning },
        h('input', {
          type: 'checkbox',
          id: checkboxId(level),
          checked: options.checked(level),
          onchange: () =>
            options.onChange(EVIDENCE.filter((e) => byId<HTMLInputElement>(checkboxId(e)).checked)),
        }),
        ...(options.sample?.(level) ?? [' ']),
        EVIDENCE_STYLE[level].name,
      ),
    );
  }
}
