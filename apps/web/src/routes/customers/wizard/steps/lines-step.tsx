import { formatCents, parseNanp, type TWizardLine, type WizardOrderType } from '@linedesk/domain';
import { ActionIcon, Alert, Button, Group, Modal, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArrowRight, IconCopy, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { Panel, StateMessage } from '../../../../components/common/status-state';
import { useCopyLine, useDeleteLine } from '../../../../hooks/api/wizard';
import { errorReason } from '../../../../lib/form-errors';
import { clearStoredStep, peekStoredStep, stepStorageKey } from '../use-step-form';
import type { StepProps } from '../wizard-page';
import { StepSection, WizardFooter } from '../wizard-parts';
import { LineEditor } from './line-editor';
import type { LineForm } from './line-form';
import { ChargeColumnHeaders } from '../../../../components/common/charge-column-headers';

type Editor = { lineId: string | null; key: number };

/** Step 4: the saved lines, and the line editor to add or change one. */
export function LinesStep({ draft, carrier, goTo }: StepProps) {
  const storageKey = stepStorageKey(draft.id, 'lines');
  // An editor left open with unsaved work (before a reload) opens again with it.
  const [editor, setEditor] = useState<Editor | null>(() => {
    const stored = peekStoredStep<LineForm>(storageKey);
    if (stored && (stored.lineId === null || draft.lines.some((line) => line.id === stored.lineId))) return { lineId: stored.lineId, key: 0 };
    return draft.lines.length === 0 ? { lineId: null, key: 0 } : null;
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<TWizardLine | null>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const copy = useCopyLine(draft.id);
  const orderType: WizardOrderType | null = draft.start?.orderType ?? null;

  if (!carrier || !orderType) {
    return (
      <Panel>
        <StateMessage icon={<IconAlertCircle size={24} />} title="Choose the carrier first" action={<Button onClick={() => goTo('start')}>Go to the first step</Button>}>
          The lines come from the carrier’s line types and packages.
        </StateMessage>
      </Panel>
    );
  }

  function openEditor(lineId: string | null) {
    clearStoredStep(storageKey);
    setProblem(null);
    setEditor((previous) => ({ lineId, key: (previous?.key ?? 0) + 1 }));
  }

  function closeEditor() {
    clearStoredStep(storageKey);
    setEditor(null);
  }

  function next() {
    const unsaved = editor !== null && peekStoredStep<LineForm>(storageKey) !== null;
    const message =
      draft.lines.length === 0
        ? 'Add at least one line: choose its Line Type and Package, then Save.'
        : unsaved
          ? 'Save the line you are editing, or cancel it, before going on.'
          : orderType === 'CONVERSION' && !draft.lines.some((line) => line.orderType === 'CONVERSION')
            ? 'A Conversion order ports at least one number: add a line with Port in a number, or make it a New order on the first step.'
            : null;
    setProblem(message);
    if (message) {
      requestAnimationFrame(() => problemRef.current?.focus());
      return;
    }
    if (editor) closeEditor();
    goTo('final');
  }

  return (
    <Stack gap="lg">
      <StepSection
        title="Lines"
        description={
          orderType === 'NEW'
            ? `${carrier.name} New order: each line is a new number, a Line Type with a Package and its Products.`
            : `${carrier.name} Conversion order: each line ports a number in or adds a new one (at least one port-in), with a Line Type, a Package and its Products.`
        }
        actions={
          !editor && (
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => openEditor(null)} autoFocus>
              Add line
            </Button>
          )
        }
      >
        {draft.lines.length === 0 ? (
          <Text fz="sm" c="dimmed">
            No lines yet. Fill in the line below and Save it; add as many as the customer needs.
          </Text>
        ) : (
          <LinesTable
            lines={draft.lines}
            editingId={editor?.lineId ?? null}
            editorOpen={editor !== null}
            onEdit={(line) => openEditor(line.id)}
            onCopy={(line) =>
              copy.mutate(line.id, {
                onSuccess: () => notifications.show({ color: 'green', title: 'Line copied', message: `A copy of ${line.package.name} was added.` }),
                onError: (error) => notifications.show({ color: 'red', title: 'Could not copy the line', message: errorReason(error) }),
              })
            }
            onDelete={setDeleting}
            charges={draft.charges}
          />
        )}
      </StepSection>

      {editor && (
        <LineEditor
          key={editor.key}
          draft={draft}
          carrier={carrier}
          draftOrderType={orderType}
          lineId={editor.lineId}
          onSaved={() => {
            notifications.show({ color: 'green', title: 'Line saved', message: 'Add another line, or go on with Next.' });
            setEditor(null);
            setProblem(null);
          }}
          onCancel={draft.lines.length > 0 || editor.lineId !== null ? closeEditor : null}
        />
      )}

      {problem && (
        <Alert ref={problemRef} tabIndex={-1} color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} aria-hidden />}>
          {problem}
        </Alert>
      )}

      <WizardFooter onBack={() => goTo('names')} status={draft.lines.length === 1 ? '1 line saved' : `${draft.lines.length} lines saved`}>
        <Button rightSection={<IconArrowRight size={16} aria-hidden />} onClick={next}>
          Next
        </Button>
      </WizardFooter>

      <DeleteLineModal draftId={draft.id} line={deleting} onClose={() => setDeleting(null)} onDeleted={(line) => editor?.lineId === line.id && closeEditor()} />
    </Stack>
  );
}

/** "Port-in (217) 555-0199", "New number, area code 312", "New number, ZIP 60601": the line's own order type. */
function numberText(line: TWizardLine): string {
  if (line.orderType === 'CONVERSION' && line.portIn) {
    const parsed = parseNanp(line.portIn.number);
    return `Port-in ${parsed.ok ? parsed.display : line.portIn.number}`;
  }
  if (line.areaCode) return `New number, area code ${line.areaCode}`;
  if (line.numberZip) return `New number, ZIP ${line.numberZip}`;
  return 'New number';
}

/** Who uses the line: its "userName" property, else the first text a property holds. */
function userText(line: TWizardLine): string {
  const named = line.properties.userName;
  if (typeof named === 'string' && named) return named;
  const first = Object.values(line.properties).find((value) => typeof value === 'string' && value && !/^[A-Z_]+$/.test(value));
  return typeof first === 'string' ? first : '—';
}

type TableProps = {
  lines: TWizardLine[];
  editingId: string | null;
  editorOpen: boolean;
  onEdit: (line: TWizardLine) => void;
  onCopy: (line: TWizardLine) => void;
  onDelete: (line: TWizardLine) => void;
  charges: { monthlyCents: number; oneTimeCents: number };
};

function LinesTable({ lines, editingId, editorOpen, onEdit, onCopy, onDelete, charges }: TableProps) {
  return (
    <div className="ld-table-wrap" style={{ border: '1px solid var(--ld-border)', borderRadius: 'var(--mantine-radius-md)' }}>
      <Table aria-label="Saved lines" verticalSpacing={8}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Line type</Table.Th>
            <Table.Th scope="col">Package</Table.Th>
            <Table.Th scope="col">User name</Table.Th>
            <Table.Th scope="col">Number</Table.Th>
            <ChargeColumnHeaders />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line, index) => {
            const name = `line ${index + 1}`;
            const editing = line.id === editingId;
            return (
              <Table.Tr key={line.id} bg={editing ? 'var(--mantine-color-brand-0)' : undefined}>
                <Table.Td>
                  <Text fz="sm" fw={600}>
                    {line.lineTypeName}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    Line {index + 1}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{line.package.name}</Text>
                  <Text fz="xs" c="dimmed">
                    {line.products.length === 1 ? '1 product' : `${line.products.length} products`}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{userText(line)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{numberText(line)}</Text>
                </Table.Td>
                <Table.Td ta="right" className="ld-money">
                  {formatCents(line.charges.monthlyCents)}
                </Table.Td>
                <Table.Td ta="right" className="ld-money">
                  {formatCents(line.charges.oneTimeCents)}
                </Table.Td>
                <Table.Td>
                  <Group gap={2} justify="flex-end" wrap="nowrap">
                    <Tooltip label={editorOpen && !editing ? 'Save or cancel the line being edited first' : editing ? 'Being edited below' : 'Edit'} withArrow>
                      <ActionIcon variant="subtle" aria-label={`Edit ${name}`} disabled={editorOpen} onClick={() => onEdit(line)}>
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Copy" withArrow>
                      <ActionIcon variant="subtle" aria-label={`Copy ${name}`} onClick={() => onCopy(line)}>
                        <IconCopy size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Delete" withArrow>
                      <ActionIcon variant="subtle" color="red" aria-label={`Delete ${name}`} onClick={() => onDelete(line)}>
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={4}>
              Total for {lines.length === 1 ? '1 line' : `${lines.length} lines`}
            </Table.Th>
            <Table.Td ta="right" fw={700} className="ld-money">
              {formatCents(charges.monthlyCents)}/mo
            </Table.Td>
            <Table.Td ta="right" fw={700} className="ld-money">
              {formatCents(charges.oneTimeCents)}
            </Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </div>
  );
}

function DeleteLineModal({ draftId, line, onClose, onDeleted }: { draftId: string; line: TWizardLine | null; onClose: () => void; onDeleted: (line: TWizardLine) => void }) {
  const remove = useDeleteLine(draftId);
  return (
    <Modal opened={line !== null} onClose={onClose} title="Delete this line?">
      {line && (
        <Stack gap="md">
          <Text fz="sm">
            {line.lineTypeName} on {line.package.name} ({userText(line)}) is removed from the draft.
          </Text>
          {remove.isError && (
            <Text fz="sm" c="red" role="alert">
              {errorReason(remove.error)}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} data-autofocus>
              Keep the line
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(line.id, {
                  onSuccess: () => {
                    onDeleted(line);
                    onClose();
                  },
                })
              }
            >
              Delete line
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
