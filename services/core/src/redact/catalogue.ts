import { CustodianError, type PiiType } from '@custodian/schemas';
import { cnMobile } from './detectors/cn-mobile';
import { cnResidentId } from './detectors/cn-resident-id';
import { email } from './detectors/email';
import type { Detector } from './finding';

/** Every detector `detect` runs; a new identifier type is one file under `detectors/` plus one line here. */
export const catalogue: readonly Detector[] = [cnResidentId, cnMobile, email];

const byType = new Map<PiiType, Detector>(catalogue.map((d) => [d.type, d]));

/** The detector of a PII type: its mask, label and meaning for classification. */
export function detectorFor(type: PiiType): Detector {
  const d = byType.get(type);
  if (!d) throw new CustodianError('E_PII_TYPE_UNKNOWN', `No detector handles PII type ${type}.`, { retryable: false });
  return d;
}
