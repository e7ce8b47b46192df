import { describe, expect, it } from 'vitest';
import { validateRecords, type SeedIssue } from '../src/records/index.js';
import { kindOfFile } from './dataset.js';

describe('kindOfFile', () => {
  it('takes the longest matching prefix', () => {
    expect(kindOfFile('project-identities.json')).toBe('project-identities');
    expect(kindOfFile('projects-a72840-matrix.json')).toBe('projects');
    expect(kindOfFile('readme.json')).toBeNull();
  });
});

describe('validateRecords', () => {
  it('returns the valid records with their position in the file', () => {
    const issues: SeedIssue[] = [];
    const valid = validateRecords(
      'member-states',
      'm.json',
      [{ key: 'bad' }, { key: 'MLI', name: 'Mali', sources: [] }],
      issues,
    );
    expect(valid).toEqual([{ index: 1, record: expect.objectContaining({ key: 'MLI' }) }]);
    expect(issues[0]).toMatchObject({ file: 'm.json', record: 'record #1 (key "bad")' });
  });

  it('names record and field of every problem', () => {
    const issues: SeedIssue[] = [];
    validateRecords(
      'member-states',
      'm.json',
      [{ key: 'mali', name: 'Mali', sources: [] }],
      issues,
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ file: 'm.json', record: 'record #1 (key "mali")', field: 'key' }),
    );
  });
});
