import { describe, expect, it } from 'vitest';
import { isAllowedRel } from '../core/ids.js';
import { RELATIONS } from './relations.js';

describe('RELATIONS', () => {
  it('lists only links REL_ENDPOINTS allows, so the API fields and the explorer agree', () => {
    const outside = Object.entries(RELATIONS).filter(([, r]) =>
      r.to.some((to) =>
        r.direction === 'out'
          ? !isAllowedRel(r.type, r.from, to)
          : !isAllowedRel(r.type, to, r.from),
      ),
    );
    expect(outside.map(([name]) => name)).toEqual([]);
  });
});
