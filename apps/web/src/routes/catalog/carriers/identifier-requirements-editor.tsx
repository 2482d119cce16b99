import { IDENTIFIER_KIND_LABELS, IDENTIFIER_KINDS, type IdentifierKind, type TLineType } from '@linedesk/domain';
import { ActionIcon, Alert, Button, Checkbox, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useId, useRef } from 'react';
import { neighbourIds, useFocusAfterRender } from '../../../hooks/use-focus-after-render';
import type { FieldErrors } from '../../../lib/form-errors';
import { newUid } from '../common/row-uid';

/** One line type's rule: every group must be met, by any one identifier in it. */
export type RequirementDraft = { uid: string; lineTypeCode: string | null; requires: IdentifierKind[][] };

const MAX_GROUPS = 4;

// The group's label sits to the left of its checkboxes, so each rule reads as one line per group.
const GROUP_STYLES = {
  root: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: 16, flex: 1 },
  label: { width: 100, marginBottom: 0, fontWeight: 500, fontSize: 'var(--mantine-font-size-sm)' },
  error: { flexBasis: '100%' },
} as const;

/** "IMEI and ICCID", "MEID or ESN", "(MEID or ESN) and ICCID". */
export function describeRequirement(requires: IdentifierKind[][]): string {
  const groups = requires.filter((group) => group.length > 0);
  if (groups.length === 0) return 'Nothing chosen yet';
  return groups
    .map((group) => (group.length > 1 && groups.length > 1 ? `(${group.join(' or ')})` : group.join(' or ')))
    .join(' and ');
}

type Props = {
  rules: RequirementDraft[];
  onChange: (rules: RequirementDraft[]) => void;
  lineTypes: TLineType[];
  errors: FieldErrors;
};

/** Which device and SIM identifiers a line of each type needs before the carrier can activate it. */
export function IdentifierRequirementsEditor({ rules, onChange, lineTypes, errors }: Props) {
  const nameOf = (code: string | null) => lineTypes.find((lineType) => lineType.code === code)?.name ?? code ?? 'new rule';
  const activeCount = lineTypes.filter((lineType) => lineType.isActive).length;
  const update = (uid: string, change: Partial<RequirementDraft>) =>
    onChange(rules.map((rule) => (rule.uid === uid ? { ...rule, ...change } : rule)));
  const id = useId();
  const addRuleRef = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const removeRuleId = (rule: RequirementDraft) => `${id}-remove-${rule.uid}`;
  const removeGroupId = (rule: RequirementDraft, groupIndex: number) => `${id}-remove-${rule.uid}-${groupIndex}`;
  const addGroupId = (rule: RequirementDraft) => `${id}-add-group-${rule.uid}`;
  const lineTypeId = (rule: RequirementDraft) => `${id}-line-type-${rule.uid}`;

  /** Straight into the new rule's line type, the first thing to choose. */
  function addRule() {
    const rule: RequirementDraft = { uid: newUid(), lineTypeCode: null, requires: [[]] };
    onChange([...rules, rule]);
    focusAfterRender([lineTypeId(rule)]);
  }

  /** Focus stays on "Add group" unless that just disabled itself: then the new group's remove button. */
  function addGroup(rule: RequirementDraft) {
    update(rule.uid, { requires: [...rule.requires, []] });
    focusAfterRender([addGroupId(rule), removeGroupId(rule, rule.requires.length)]);
  }

  function removeRule(index: number) {
    onChange(rules.filter((_, position) => position !== index));
    focusAfterRender([...neighbourIds(rules, index, removeRuleId), addRuleRef]);
  }

  /** Groups after the removed one move up a place: the one now at its position, else the one before, else "Add group". */
  function removeGroup(rule: RequirementDraft, groupIndex: number) {
    update(rule.uid, { requires: rule.requires.filter((_, position) => position !== groupIndex) });
    focusAfterRender([removeGroupId(rule, groupIndex), removeGroupId(rule, groupIndex - 1), addGroupId(rule)]);
  }

  return (
    <Stack gap="sm">
      {errors.identifierRequirements && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
          {errors.identifierRequirements}
        </Alert>
      )}
      {rules.length === 0 && (
        <Text fz="sm" c="dimmed">
          No rules: lines of any type can be activated without a device or SIM identifier.
        </Text>
      )}
      {rules.map((rule, index) => {
        const taken = rules.filter((other) => other.uid !== rule.uid).map((other) => other.lineTypeCode);
        const options = lineTypes
          .filter((lineType) => !taken.includes(lineType.code) && (lineType.isActive || lineType.code === rule.lineTypeCode))
          .map((lineType) => ({ value: lineType.code, label: lineType.name }));
        const name = nameOf(rule.lineTypeCode);
        const prefix = `identifierRequirements.${index}`;
        return (
          <Paper key={rule.uid} p="sm" bg="gray.0" style={{ borderColor: 'var(--ld-border)' }} component="section" aria-label={`Rule for ${name}`}>
            <Stack gap={8}>
              <Group justify="space-between" align="flex-end" wrap="nowrap" gap="sm">
                <Select
                  id={lineTypeId(rule)}
                  label="Line type"
                  placeholder="Choose a line type"
                  data={options}
                  value={rule.lineTypeCode}
                  onChange={(lineTypeCode) => update(rule.uid, { lineTypeCode })}
                  w={240}
                  size="sm"
                  error={errors[`${prefix}.lineTypeCode`]}
                />
                <Group gap="sm" wrap="nowrap" mb={4}>
                  <Text fz="sm" c="dimmed" aria-live="polite">
                    Requires <Text span fw={600} c="dark">{describeRequirement(rule.requires)}</Text>
                  </Text>
                  <Button
                    id={removeRuleId(rule)}
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    aria-label={`Remove the rule for ${name}`}
                    onClick={() => removeRule(index)}
                  >
                    Remove
                  </Button>
                </Group>
              </Group>
              {rule.requires.map((group, groupIndex) => (
                <Group key={groupIndex} gap="xs" align="center" wrap="nowrap" mih={30}>
                  <Checkbox.Group
                    label={groupIndex === 0 ? 'Needs one of' : 'and one of'}
                    value={group}
                    onChange={(next) => {
                      const kinds = IDENTIFIER_KINDS.filter((kind) => next.includes(kind));
                      update(rule.uid, { requires: rule.requires.map((other, position) => (position === groupIndex ? kinds : other)) });
                    }}
                    error={errors[`${prefix}.requires.${groupIndex}`]}
                    styles={GROUP_STYLES}
                  >
                    <Group gap="lg">
                      {IDENTIFIER_KINDS.map((kind) => (
                        <Checkbox key={kind} value={kind} label={kind} title={IDENTIFIER_KIND_LABELS[kind]} />
                      ))}
                    </Group>
                  </Checkbox.Group>
                  {rule.requires.length > 1 && (
                    <ActionIcon
                      id={removeGroupId(rule, groupIndex)}
                      variant="subtle"
                      color="gray"
                      aria-label={`Remove identifier group ${groupIndex + 1} of ${name}`}
                      onClick={() => removeGroup(rule, groupIndex)}
                    >
                      <IconX size={16} aria-hidden />
                    </ActionIcon>
                  )}
                </Group>
              ))}
              <div>
                <Button
                  id={addGroupId(rule)}
                  variant="subtle"
                  size="compact-sm"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  disabled={rule.requires.length >= MAX_GROUPS}
                  aria-label={`Add another required identifier to ${name}`}
                  onClick={() => addGroup(rule)}
                >
                  Add “and” group
                </Button>
              </div>
              {errors[`${prefix}.requires`] && (
                <Text fz="xs" c="red" data-field-error>
                  {errors[`${prefix}.requires`]}
                </Text>
              )}
            </Stack>
          </Paper>
        );
      })}
      <Group gap="sm">
        <Button
          ref={addRuleRef}
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          disabled={rules.length >= activeCount}
          onClick={addRule}
        >
          Add line type rule
        </Button>
        {activeCount === 0 && (
          <Text fz="xs" c="dimmed">
            Create a line type first.
          </Text>
        )}
      </Group>
    </Stack>
  );
}
