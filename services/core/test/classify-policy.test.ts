import { Config, Policy } from '@custodian/schemas';
import { describe, expect, it } from 'vitest';

const issues = (input: unknown) => Policy.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('classification policy', () => {
  it('has defaults for topics, the five PIPL categories and no retention rules', () => {
    const { classification } = Policy.parse({});
    expect(Object.keys(classification.topics)).toEqual(
      expect.arrayContaining(['complaint', 'refund', 'billing', 'medical', 'account', 'delivery']),
    );
    expect(Object.keys(classification.piplCategories)).toEqual([
      'identity',
      'financial',
      'health',
      'minor',
      'location',
    ]);
    expect(classification.piplCategories.identity.piiTypes).toContain('HK_ID');
    expect(classification.piplCategories.minor.ageBelow).toBe(14);
    expect(classification.retentionRules).toEqual([]);
  });

  it('keeps the default categories when the policy changes only one', () => {
    const { classification } = Policy.parse({ classification: { piplCategories: { health: { keywords: ['病'] } } } });
    expect(classification.piplCategories.health.keywords).toEqual(['病']);
    expect(classification.piplCategories.identity.piiTypes).toContain('CN_RESIDENT_ID');
  });

  it('refuses a retention rule naming an undefined class, with its path', () => {
    expect(issues({ classification: { retentionRules: [{ when: {}, class: 'forever' }] } })).toEqual([
      ['classification.retentionRules.0.class', 'retention class "forever" is not defined in retentionClasses'],
    ]);
  });

  it('refuses a rule or category naming an undefined topic or category', () => {
    expect(
      issues({
        classification: {
          piplCategories: { health: { topics: ['illness'] } },
          retentionRules: [
            { when: { topics: ['refund', 'returns'] }, class: 'standard' },
            { when: { piplCategories: ['genetic'] }, class: 'regulated' },
          ],
        },
      }),
    ).toEqual([
      ['classification.piplCategories.health.topics.0', 'topic "illness" is not defined in topics'],
      ['classification.retentionRules.0.when.topics.1', 'topic "returns" is not defined in topics'],
      [
        'classification.retentionRules.1.when.piplCategories.0',
        'PIPL category "genetic" is not defined in piplCategories',
      ],
    ]);
  });

  it('refuses unknown condition names, unknown PII types, bad levels and empty categories', () => {
    const bad = issues({
      classification: {
        piplCategories: { identity: { piiTypes: ['DRIVING_LICENCE'] }, empty: {} },
        retentionRules: [
          { when: { minSensitivty: 'L3' }, class: 'regulated' },
          { when: { minSensitivity: 'L5' }, class: 'regulated' },
        ],
      },
    });
    expect(bad?.map(([path]) => path)).toEqual(
      expect.arrayContaining([
        'classification.piplCategories.identity.piiTypes.0',
        'classification.piplCategories.empty',
        'classification.retentionRules.0.when',
        'classification.retentionRules.1.when.minSensitivity',
      ]),
    );
  });

  it('reports the path from the config root, so start-up can say where the mistake is', () => {
    const parsed = Config.safeParse({ policy: { classification: { retentionRules: [{ when: {}, class: 'x' }] } } });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['policy.classification.retentionRules.0.class']);
  });
});
