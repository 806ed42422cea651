import type { Candidate, Detector, ScanMatch } from '../finding';

/**
 * The userinfo of a URL, `scheme://user:password@host`: the finding is `user:password` alone, so every operator
 * keeps the scheme and host readable (`https://***:***@db.example.com/`, `https://[凭据]@db.example.com/`).
 * Userinfo is RFC 3986's characters, and an unencoded `@`, or `#` after the colon, in a password as people paste them
 * (`postgresql://crm:Hx#2024db!@10.0.0.5`; `https://example.com#team@Home` is a fragment); a token as the user name
 * counts.
 */
const USERINFO =
  /(?<=(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/)(?:[A-Za-z0-9._~!$&'()*+,;=%@-]*:[A-Za-z0-9._~!$&'()*+,;=%:@#-]+|[A-Za-z0-9._~!$&'()*+,;=%:@-]+)(?=@[A-Za-z0-9[])/y;

/** Userinfo right after each `://`: a lookbehind for the scheme, tried at every position, would cost more. */
function scanCredentials(text: string): ScanMatch[] {
  const out: ScanMatch[] = [];
  for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 3)) {
    USERINFO.lastIndex = at + 3;
    const m = USERINFO.exec(text);
    if (m) out.push([m.index, m[0]]);
  }
  return out;
}

/** Certain by syntax, and a password outweighs an email address read into `password@host`. */
function validateCredentials(match: string): Candidate | null {
  return { normalized: match, confidence: [1, 1] };
}

/** Credentials written into a URL (`https://user:password@host/…`, `redis://:secret@host`). */
export const urlCredentials: Detector = {
  type: 'URL_CREDENTIALS',
  scan: scanCredentials,
  needs: ['latin', ':', '@'],
  validate: validateCredentials,
  context: [],
  mask: (f) => (f.normalized.includes(':') ? '***:***' : '***'),
  label: '[凭据]',
  sensitivity: 'L4',
  piplSensitive: false,
};
