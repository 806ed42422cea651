import { CustodianError, type PiiType } from '@custodian/schemas';
import { address } from './detectors/address';
import { cnBankCard } from './detectors/cn-bank-card';
import { cnHomeReturnPermit } from './detectors/cn-home-return-permit';
import { cnLandline } from './detectors/cn-landline';
import { cnLicensePlate } from './detectors/cn-license-plate';
import { cnMobile } from './detectors/cn-mobile';
import { cnPassport } from './detectors/cn-passport';
import { cnResidentId } from './detectors/cn-resident-id';
import { cnTwPermit } from './detectors/cn-tw-permit';
import { cnUscc } from './detectors/cn-uscc';
import { creditCard } from './detectors/credit-card';
import { email } from './detectors/email';
import { hkId } from './detectors/hk-id';
import { iban } from './detectors/iban';
import { imAccount } from './detectors/im-account';
import { ipAddress } from './detectors/ip-address';
import { moId } from './detectors/mo-id';
import { personName } from './detectors/person-name';
import { phone } from './detectors/phone';
import { twNationalId } from './detectors/tw-national-id';
import { urlCredentials } from './detectors/url-credentials';
import { usSsn } from './detectors/us-ssn';
import type { Detector } from './finding';

/** Every detector `detect` runs; a new identifier type is one file under `detectors/` plus one line here. */
export const catalogue: readonly Detector[] = [
  cnResidentId,
  cnMobile,
  email,
  cnPassport,
  hkId,
  moId,
  twNationalId,
  cnHomeReturnPermit,
  cnTwPermit,
  cnLicensePlate,
  personName,
  address,
  cnLandline,
  phone,
  cnBankCard,
  creditCard,
  iban,
  usSsn,
  cnUscc,
  ipAddress,
  urlCredentials,
  imAccount,
];

const byType = new Map<PiiType, Detector>(catalogue.map((d) => [d.type, d]));

/** The detector of a PII type: its mask, label and meaning for classification. */
export function detectorFor(type: PiiType): Detector {
  const d = byType.get(type);
  if (!d) throw new CustodianError('E_PII_TYPE_UNKNOWN', `No detector handles PII type ${type}.`, { retryable: false });
  return d;
}
