import { describe, expect, it } from 'vitest';
import { terms } from './text.js';

describe('terms', () => {
  it('stems words, keeps the first printed form and drops short and shared words', () => {
    const t = terms(
      'Countering terrorist travel: travellers, Travel data and API/PNR for border officials',
    );
    expect(t.get('travel')).toBe('travel');
    expect(t.get('border')).toBe('border');
    expect(t.get('offici')).toBe('officials');
    expect([...t.values()]).not.toContain('terrorist'); // every text in the corpus has it
    expect([...t.values()]).not.toContain('api'); // shorter than four letters
  });

  it('splits hyphenated words', () => {
    expect([...terms('cyber-security').values()]).toEqual(['cyber', 'security']);
  });
});
