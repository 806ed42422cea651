import type { SearchResponse } from '@custodian/schemas';

const oneLine = (s: string, max: number) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** Hits as the archive returns them: redacted subject and snippet, never an original identifier. */
export function printHits(q: string, res: SearchResponse, out: NodeJS.WritableStream = process.stdout): void {
  out.write(`\n  search "${q}": ${res.total} hit(s)\n`);
  for (const h of res.hits) {
    out.write(`  • ${h.occurredAt.slice(0, 10)}  [${h.sensitivity}] ${oneLine(h.subject || '(no subject)', 60)}\n`);
    out.write(`      ${oneLine(h.snippet, 110)}\n`);
    const tags = [...h.topics, ...h.piiTypes].join(', ');
    if (tags) out.write(`      ${tags}  · ${h.id}\n`);
  }
}
