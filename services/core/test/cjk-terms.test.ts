import { describe, expect, it } from 'vitest';
import { cjkTerms } from '../src/text/cjk-terms';

describe('cjkTerms', () => {
  it('splits runs of Han characters into overlapping bigrams', () => {
    expect(cjkTerms('申请退款')).toEqual(['申请', '请退', '退款']);
  });

  it('keeps a lone Han character and lower-cases Latin words', () => {
    expect(cjkTerms('Refund 退 ORDER-42')).toEqual(['refund', '退', 'order', '42']);
  });

  it('folds full-width letters and digits before splitting', () => {
    expect(cjkTerms('ＡＢＣ１２３')).toEqual(['abc123']);
  });
});
