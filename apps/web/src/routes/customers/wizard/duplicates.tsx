import { CUSTOMER_STATUS_LABELS, DUPLICATE_REASON_LABELS, type DuplicateLevel, type TDuplicateCandidate } from '@linedesk/domain';
import { Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { customerHref } from './wizard-links';

export const DUPLICATE_LEVEL_LABELS: Record<DuplicateLevel, string> = { EXACT: 'Exact', LIKELY: 'Likely', HOUSEHOLD: 'Household' };
const LEVEL_COLORS: Record<DuplicateLevel, string> = { EXACT: 'red', LIKELY: 'orange', HOUSEHOLD: 'gray' };

export function DuplicateLevelBadge({ level }: { level: DuplicateLevel }) {
  return (
    <Badge color={LEVEL_COLORS[level]} variant="light" radius="sm" tt="none" fw={600}>
      {DUPLICATE_LEVEL_LABELS[level]}
    </Badge>
  );
}

/** "Same phone: (312) 555-0101 · Similar name at the same ZIP: 60601" */
export function reasonsText(candidate: TDuplicateCandidate): string {
  return candidate.reasons.map((reason) => `${DUPLICATE_REASON_LABELS[reason.reason]}${reason.detail ? `: ${reason.detail}` : ''}`).join(' · ');
}

/** An existing account, opening its page (a new tab keeps the wizard where it is). */
export function AccountLink({ candidate }: { candidate: TDuplicateCandidate }) {
  return (
    <Anchor href={customerHref(candidate.customerId)} target="_blank" rel="noopener" fw={600} fz="sm" className="ld-mono" style={{ whiteSpace: 'nowrap' }}>
      {candidate.accountNumber}
    </Anchor>
  );
}

/**
 * A non-blocking notice while the customer is entered: existing customers that look like this one,
 * with why, so the agent can stop and open the account instead.
 */
export function DuplicateNotice({ candidates, compact = false }: { candidates: readonly TDuplicateCandidate[]; compact?: boolean }) {
  if (candidates.length === 0) return null;
  const exact = candidates.some((candidate) => candidate.level === 'EXACT');
  const shown = candidates.slice(0, compact ? 3 : 5);
  return (
    <Alert
      color={exact ? 'red' : 'yellow'}
      variant="light"
      icon={<IconUsers size={18} aria-hidden />}
      title={candidates.length === 1 ? 'This may be an existing customer' : `${candidates.length} existing customers look similar`}
      role="status"
      aria-live="polite"
    >
      <Stack gap={8}>
        {shown.map((candidate) => (
          <div key={candidate.customerId}>
            <Group gap={6} wrap="wrap">
              <AccountLink candidate={candidate} />
              <Text fz="sm" fw={600}>
                {candidate.displayName}
              </Text>
              <DuplicateLevelBadge level={candidate.level} />
              {!compact && (
                <Text fz="xs" c="dimmed">
                  {CUSTOMER_STATUS_LABELS[candidate.status]}
                </Text>
              )}
            </Group>
            <Text fz="xs" c="dimmed">
              {reasonsText(candidate)}
            </Text>
          </div>
        ))}
        {candidates.length > shown.length && (
          <Text fz="xs" c="dimmed">
            And {candidates.length - shown.length} more: all are listed on the final page.
          </Text>
        )}
        <Text fz="xs">You can go on: the final page asks for a reason only when a match is exact.</Text>
      </Stack>
    </Alert>
  );
}
