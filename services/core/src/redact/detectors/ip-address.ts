import { isIP } from 'node:net';
import type { Candidate, Detector, ScanMatch } from '../finding';
import { labelledAs } from '../labelled-as';
import { numericMatches } from '../numeric-matches';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = `(?:${OCTET}\\.){3}${OCTET}`;
/** IPv4: four octets without leading zeros, an optional /0–32; not inside a dotted chain (`1.2.3.4.5`, a version) nor glued to letters. */
const V4 = new RegExp(`(?<![0-9A-Za-z.])${IPV4}(?:/(?:3[0-2]|[12]?\\d)(?![0-9]))?(?![0-9A-Za-z]|\\.[0-9])`, 'y');
/**
 * IPv6: one to eight groups with at most one `::`, an embedded IPv4 at the end, a zone (`%eth0`) and /0–128 —
 * loose here, `isIP` decides. Sticky: tried only next to a colon (see `scanIp`).
 */
const V6 = new RegExp(
  `(?<![0-9A-Za-z:.])(?:[0-9A-Fa-f]{1,4}:|:(?=:))(?:[0-9A-Fa-f]{0,4}:){1,7}(?:${IPV4}|[0-9A-Fa-f]{1,4})?` +
    `(?:%[0-9A-Za-z_.-]{1,15})?(?:/(?:12[0-8]|1[01]\\d|[1-9]?\\d)(?![0-9]))?(?![0-9A-Za-z:%]|\\.[0-9])`,
  'y',
);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
/** An IPv4 address starts with one to three digits and a dot. */
const octetThenDot = (text: string, at: number) => {
  let end = at;
  while (end < at + 3 && isDigit(text.charCodeAt(end))) end++;
  return end > at && text.charCodeAt(end) === 46;
};
/** `固件 1.0.3.45`, `Firmware 2.1.10.3`, `SDK 1.12.4.2`: four-part versions look like IPv4 addresses. */
const VERSION_LABEL =
  /(?<![A-Za-z])(?:版本号?|版本號|固件|韧体|系统|version|firmware|ver\.?|build|release|sdk)\s*[:#]?\s*$/i;

/**
 * IPv4 candidates from the shared numeric runs, unless labelled as a version; IPv6 ones only from the (at most four) hex digits before each colon,
 * since a regex tried at every hex letter of English prose costs more than all the rest.
 */
function scanIp(text: string): ScanMatch[] {
  const out = numericMatches(text, V4, 4, octetThenDot).filter((m) => !labelledAs(text, m[0], VERSION_LABEL));
  let from = 0; // after the previous IPv6 match
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) {
    if (at < from) continue;
    let p = at;
    while (p > from && at - p < 4 && isHex(text.charCodeAt(p - 1))) p--;
    // Only `p` can start a match: a later position follows a hex digit, which the look-behind refuses; and at the
    // colon itself a match starts with `::`.
    if (p === at && text.charCodeAt(at + 1) !== 58) continue;
    V6.lastIndex = p;
    const m = V6.exec(text);
    if (m) {
      out.push([p, m[0]]);
      from = p + m[0].length;
    }
  }
  return out;
}

/** The address in canonical form (IPv6 lower-case and compressed), with its zone and prefix length. */
function validateIp(match: string): Candidate | null {
  const slash = match.indexOf('/');
  const address = slash < 0 ? match : match.slice(0, slash);
  const prefix = slash < 0 ? '' : match.slice(slash);
  // Without `::` an IPv6 address has six colons or more (`12:30:45` is a time): no need to ask `isIP`.
  if (address.includes(':') && !address.includes('::') && address.split(':').length < 7) return null;
  const version = isIP(address);
  if (version === 4) return { normalized: address + prefix, confidence: [0.6, 0.9] };
  if (version !== 6 || !/[0-9A-Fa-f]/.test(address)) return null; // `::` alone points at no one
  const zoneAt = address.indexOf('%');
  const bare = zoneAt < 0 ? address : address.slice(0, zoneAt);
  const zone = zoneAt < 0 ? '' : address.slice(zoneAt);
  return { normalized: new URL(`http://[${bare}]`).hostname.slice(1, -1) + zone + prefix, confidence: [0.6, 0.9] };
}

/** IPv4 or IPv6 address, optionally a CIDR block: a quasi-identifier of a customer's device or network. */
export const ipAddress: Detector = {
  type: 'IP_ADDRESS',
  scan: scanIp,
  validate: validateIp,
  context: [
    'IP',
    'IP地址',
    'IP位址',
    '地址',
    '服务器',
    '伺服器',
    '主机',
    'IPv4',
    'IPv6',
    'address',
    'server',
    'host',
    'gateway',
  ],
  mask: (f) => {
    const v4 = /^(\d+\.\d+)\./.exec(f.normalized);
    if (v4) return `${v4[1]}.*.*`;
    return `${f.normalized.split(':').slice(0, 2).join(':')}:*`;
  },
  label: '[IP地址]',
  sensitivity: 'L2',
  piplSensitive: false,
};
