import { matchesFromDigitRuns } from '../digit-runs';
import type { Candidate, Detector } from '../finding';

/** A province, a letter and five serial characters is a distinctive shape; a context word settles it. */
const CONFIDENCE = [0.7, 0.95] as const;

/** Serial characters: digits and letters without I and O (read as 1 and 0). */
const SERIAL = '[A-HJ-NP-Za-hj-np-z0-9]';
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
/** Regular plates end in a serial character or a use mark (挂 trailer, 学 learner, 警 police, 港/澳 cross-border…). */
const REGULAR = `${SERIAL}{4}(?:${SERIAL}|[挂学警港澳领试超使])`;
/** New-energy plates: `D`/`F` and five more for small vehicles, five digits and `D`/`F` for large ones. */
const NEW_ENERGY = `[DFdf]${SERIAL}\\d{4}|\\d{5}[DFdf]`;
const PATTERN = new RegExp(
  `[${PROVINCES}][A-HJ-NP-Za-hj-np-z](?:[·•・. -]?)(?:${NEW_ENERGY}|${REGULAR})(?![A-Za-z0-9])`,
  'y',
);
/** The province characters by code: a lookup that makes no one-character string of the text. */
const PROVINCE = new Set([...PROVINCES].map((c) => c.charCodeAt(0)));

/** A plate's first digits come 2 to 5 characters after its province (`京A1…`, `京A·AB1…`); only there is it tried. */
const nearProvince = (text: string, start: number) => {
  for (let i = start - 5; i <= start - 2; i++) if (PROVINCE.has(text.charCodeAt(i))) return true;
  return false;
};

/** A regular plate has at most two letters among its five serial characters. */
function validatePlate(match: string): Candidate | null {
  const plate = match.replace(/[·•・. -]/g, '').toUpperCase();
  const serial = plate.slice(2);
  if (serial.length === 5 && serial.replace(/\D/g, '').length < 3) return null;
  return { normalized: plate, confidence: CONFIDENCE };
}

/** Mainland vehicle licence plate (车牌号), `沪A·12345`, `粤B D12345`, `京A12345D`. */
export const cnLicensePlate: Detector = {
  type: 'CN_LICENSE_PLATE',
  scan: (text) => matchesFromDigitRuns(text, PATTERN, 5, (start, end) => end - start <= 6 && nearProvince(text, start)),
  needs: ['digit', 'han'],
  validate: validatePlate,
  context: ['车牌', '車牌', '牌照', '车辆', '車輛', '车号', '行驶证', '行駛證', 'plate', 'vehicle'],
  mask: (f) => `${f.normalized.slice(0, 2)}${'*'.repeat(f.normalized.length - 4)}${f.normalized.slice(-2)}`,
  label: '[车牌号]',
  sensitivity: 'L2',
  piplSensitive: false,
};
