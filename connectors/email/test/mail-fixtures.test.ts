import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mailFixtures, PEOPLE, residentId } from '../../../test/fixtures/mail/generate';

const DIR = join(import.meta.dirname, '../../../test/fixtures/mail');

describe('mail fixtures', () => {
  it('are exactly what generate.ts writes (regenerate with: npx tsx test/fixtures/mail/generate.ts)', () => {
    for (const [name, bytes] of mailFixtures()) {
      expect(readFileSync(join(DIR, name)).equals(bytes), name).toBe(true);
    }
  });

  it('carry resident ids with correct GB 11643 check characters', () => {
    expect(residentId('11010519491231002')).toBe('11010519491231002X');
    for (const p of Object.values(PEOPLE)) {
      if ('id' in p) expect(residentId(p.id.slice(0, 17))).toBe(p.id);
    }
  });
});
