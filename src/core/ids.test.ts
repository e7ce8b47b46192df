import { describe, expect, it } from 'vitest';
import { InputError } from './errors.js';
import { parseNodeId, LABELS, REL_TYPES, relTypesOf } from './ids.js';

describe('parseNodeId', () => {
  it('splits on the first colon, keeping colons and slashes in the key', () => {
    expect(parseNodeId('Resolution:S/RES/2396 (2017)')).toEqual({
      label: 'Resolution',
      key: 'S/RES/2396 (2017)',
    });
    expect(parseNodeId('Project:A:B')).toEqual({ label: 'Project', key: 'A:B' });
  });

  it.each(['', 'Project', 'Project:', ':x', 'project:UNCCT-1', 'Spaceship:1', 'Project:   '])(
    'rejects %j naming it',
    (id) => {
      expect(() => parseNodeId(id)).toThrow(InputError);
      expect(() => parseNodeId(id)).toThrow(JSON.stringify(id));
    },
  );

  it('rejects an id of another label when one is expected', () => {
    expect(() => parseNodeId('Entity:CTED', 'Project')).toThrow('expected a Project id');
  });

  it('rejects overlong ids with the limit', () => {
    const error = (() => {
      try {
        parseNodeId(`Project:${'x'.repeat(400)}`);
      } catch (e) {
        return e as InputError;
      }
      return null;
    })();
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 300 });
  });
});

describe('relTypesOf', () => {
  it("gives the types that meet a label from either side, sorted: an entity's seven", () => {
    expect(relTypesOf('Entity')).toEqual([
      'ADDRESSED_TO',
      'CITED_IN',
      'CONTRIBUTES_TO',
      'IMPLEMENTED_BY',
      'ISSUED_BY',
      'MANDATES',
      'PART_OF',
    ]);
    expect(relTypesOf('Document')).toEqual(['CITED_IN']);
  });

  it('leaves no type unreachable: each meets some label', () => {
    const reached = new Set(LABELS.flatMap((label) => relTypesOf(label)));
    expect([...reached].sort()).toEqual([...REL_TYPES].sort());
  });
});
