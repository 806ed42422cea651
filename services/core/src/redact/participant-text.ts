import type { Participant } from '@custodian/schemas';

export interface ParticipantText {
  /** `name <address>`, `name` or `<address>`: what detectors see of a participant. */
  text: string;
  /** Where each field lies in `text`, or null when the participant has none. */
  name: readonly [start: number, end: number] | null;
  address: readonly [start: number, end: number] | null;
}

/** A participant as one line of text, `${name} <${address}>`, with where each field lies in it. */
export function participantText(p: Pick<Participant, 'name' | 'address'>): ParticipantText {
  const name = p.name ?? '';
  const address = p.address ?? '';
  if (!address) return { text: name, name: name ? [0, name.length] : null, address: null };
  const at = name ? name.length + 2 : 1;
  return {
    text: name ? `${name} <${address}>` : `<${address}>`,
    name: name ? [0, name.length] : null,
    address: [at, at + address.length],
  };
}
