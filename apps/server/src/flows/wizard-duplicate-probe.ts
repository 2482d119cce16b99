import { customerDisplayName, type TDuplicateProbe } from '@linedesk/domain';
import type { DraftData } from '../modules/wizard/draft-data.js';

/** What a draft tells the duplicate check: every name, phone and email typed, the service address, and SSN/Tax ID last 4. */
export function duplicateProbeOf(data: DraftData): TDuplicateProbe {
  const contacts = data.start?.contacts ?? [];
  const profile = data.profile;
  const names = data.names;
  const identity = profile?.ssn ?? profile?.taxId ?? null;
  return {
    names: [...(names ? [customerDisplayName(names)] : []), ...contacts.map((c) => `${c.firstName} ${c.lastName}`)].filter((n) => n.trim().length >= 2),
    phones: [...contacts.flatMap((c) => [c.phone, c.mobile]), profile?.primaryPhone ?? null].filter((p): p is string => Boolean(p)),
    emails: [...contacts.map((c) => c.email), profile?.billEmail ?? null].filter((e): e is string => Boolean(e)),
    zip: names?.serviceAddress.zip ?? null,
    serviceAddress: names ? { line1: names.serviceAddress.line1, line2: names.serviceAddress.line2, zip: names.serviceAddress.zip } : null,
    taxIdLast4: identity ? identity.masked.slice(-4) : null,
  };
}
