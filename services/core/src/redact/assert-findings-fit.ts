import { CustodianError, type Record } from '@custodian/schemas';
import type { RecordFindings } from './record-findings';

/** Findings from another record (or version) would leave this one's identifiers in place: refuse them. */
export function assertFindingsFit(record: Record, findings: RecordFindings): void {
  if (findings.turns.length !== record.turns.length || findings.participants.length !== record.participants.length) {
    throw new CustodianError(
      'E_FINDINGS_MISMATCH',
      `The findings were not made from record ${record.id}; run detectInRecord on it.`,
      {
        retryable: false,
        details: { recordId: record.id },
      },
    );
  }
}
