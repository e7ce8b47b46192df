// Type-ahead search: an ARIA combobox over `Query.search`, its results grouped by label. Arrow keys
// move through the results, Enter chooses, Escape closes; a click chooses too.
import { h, replace } from '../shared/dom.js';
import { caption, fullName, labelOf, type NodeData } from '../shared/model.js';
import { LABEL_STYLE, type NodeLabel } from '../shared/vocab.js';
import { swatch } from './panel.js';

const DEBOUNCE_MS = 150;

export interface SearchOptions {
  readonly input: HTMLInputElement;
  readonly listbox: HTMLElement;
  /** The live region saying how many results there are. */
  readonly status: HTMLElement;
  search(text: string): Promise<NodeData[]>;
  choose(node: NodeData): void;
  onError(error: unknown): void;
}

/** Wires the combobox; returns a function that runs the current text at once (tests, Enter). */
export function createSearch(options: SearchOptions): { flush(): Promise<void> } {
  const { input, listbox } = options;
  let results: NodeData[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Only the answer to the latest text is shown: typing fast must not show an older answer last.
  let sequence = 0;
  let pending: Promise<void> = Promise.resolve();

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listbox.id);
  listbox.setAttribute('role', 'listbox');
  listbox.hidden = true;

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const setActive = (index: number) => {
    active = index;
    listbox.querySelectorAll('[role="option"]').forEach((option, i) => {
      option.setAttribute('aria-selected', i === index ? 'true' : 'false');
      if (i === index) {
        input.setAttribute('aria-activedescendant', option.id);
        option.scrollIntoView({ block: 'nearest' });
      }
    });
  };

  const choose = (index: number) => {
    const node = results[index];
    if (node === undefined) return;
    close();
    options.choose(node);
  };

  const show = (text: string) => {
    // Grouped by label, groups in the order of their best hit; hits keep the API's order.
    const groups = new Map<NodeLabel, NodeData[]>();
    for (const node of results) {
      const label = labelOf(node);
      groups.set(label, [...(groups.get(label) ?? []), node]);
    }
    results = [...groups.values()].flat();
    let index = 0;
    replace(
      listbox,
      ...[...groups].map(([label, nodes]) =>
        h(
          'div',
          { role: 'group', 'aria-labelledby': `search-group-${label}` },
          h(
            'div',
            { role: 'presentation', class: 'group-label', id: `search-group-${label}` },
            swatch(label),
            ' ',
            LABEL_STYLE[label].plural,
          ),
          ...nodes.map((node) => {
            const i = index++;
            const name = fullName(node);
            return h(
              'div',
              {
                role: 'option',
                id: `search-option-${i}`,
                class: 'option',
                'aria-selected': 'false',
                'data-id': node.id,
                onmousedown: (event: Event) => event.preventDefault(), // keep the input's focus
                onclick: () => choose(i),
              },
              h('strong', {}, caption(node)),
              name !== caption(node) ? h('span', { class: 'muted' }, ` ${name}`) : null,
              node.nameZh ? h('span', { class: 'zh', lang: 'zh' }, ` ${node.nameZh}`) : null,
              node.illustrative ? h('span', { class: 'tag' }, 'illustrative') : null,
            );
          }),
        ),
      ),
    );
    const found = results.length;
    options.status.textContent =
      found === 0
        ? `Nothing matches “${text}”. Search matches whole words (CTED, border, 2396, 马里).`
        : `${found} result${found === 1 ? '' : 's'} for “${text}” in ${groups.size} group${groups.size === 1 ? '' : 's'}.`;
    listbox.hidden = found === 0;
    input.setAttribute('aria-expanded', found === 0 ? 'false' : 'true');
    active = -1;
    if (found > 0) setActive(0);
  };

  const run = async () => {
    const text = input.value.trim();
    const mine = ++sequence;
    if (text === '') {
      results = [];
      close();
      options.status.textContent = '';
      return;
    }
    try {
      const found = await options.search(text.slice(0, 200));
      if (mine !== sequence) return;
      results = found;
      show(text);
    } catch (error) {
      if (mine === sequence) options.onError(error);
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      pending = run();
    }, DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (listbox.hidden) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + results.length) % results.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(timer);
      // Enter on fresh text searches first; on shown results it chooses the active one.
      if (listbox.hidden || active < 0) {
        pending = run();
      } else {
        choose(active);
      }
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  input.addEventListener('focus', () => {
    if (results.length > 0 && input.value.trim() !== '') {
      listbox.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
  });

  return {
    flush: async () => {
      clearTimeout(timer);
      pending = run();
      await pending;
    },
  };
}
