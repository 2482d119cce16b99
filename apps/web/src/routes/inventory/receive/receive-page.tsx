import { INVENTORY_KIND_LABELS, INVENTORY_KIND_NOUNS, INVENTORY_KINDS, ITEM_IDENTIFIER_KINDS, splitScannedText, type InventoryKind } from '@linedesk/domain';
import { Alert, Button, Group, Input, Kbd, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconBarcode, IconFileImport, IconInfoCircle } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { Page, PageHeader } from '../../../components/common/page';
import { useStockChoices } from '../../../hooks/api/inventory';
import { EMPTY_STOCK_FIELDS, readCost, StockFields, type StockFieldValues } from '../stock-fields';
import { ReceivedList } from './received-list';
import { useReceiveQueue, type ReceiveSettings } from './use-receive-queue';

const IMEI_COUNTS = [
  { value: '1', label: 'One IMEI' },
  { value: '2', label: 'Two IMEIs (dual SIM)' },
];

/**
 * Inventory > Receive: choose what is being received once (kind, carrier, make and model, location,
 * purchase order…), then scan the items one after another. Each scan (a keyboard-wedge scanner types
 * the code and Enter) is received at once; the running list shows each result, refusals inline.
 */
export function ReceivePage() {
  const ids = { kind: useId(), imeis: useId(), hint: useId(), progress: useId() };
  const choices = useStockChoices();
  const [kind, setKind] = useState<InventoryKind>('DEVICE');
  const [carrierCode, setCarrierCode] = useState<string | null>(null);
  const [imeiCount, setImeiCount] = useState('1');
  const [fields, setFields] = useState<StockFieldValues>(EMPTY_STOCK_FIELDS);
  const [prefilledTac, setPrefilledTac] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ carrierCode?: string; cost?: string }>({});
  const [text, setText] = useState('');
  // A dual-SIM device's first IMEI, held until its second is scanned.
  const [held, setHeld] = useState<string | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);

  // The queue reads the form as it is when each scan's turn comes.
  const settings: ReceiveSettings = {
    kind,
    carrierCode: carrierCode ?? '',
    make: fields.make || null,
    model: fields.model || null,
    location: fields.location || null,
    agentCode: fields.agentCode,
    costCents: readCostCents(fields.cost),
    receivedOn: fields.receivedOn || null,
    purchaseOrder: fields.purchaseOrder || null,
  };
  const settingsRef = useRef(settings);
  const tacRef = useRef(prefilledTac);
  useEffect(() => {
    settingsRef.current = settings;
    tacRef.current = prefilledTac;
  });

  const queue = useReceiveQueue({
    settings: () => settingsRef.current,
    prefilledTac: () => tacRef.current,
    onTacModel: (entry) => {
      tacRef.current = entry?.tac ?? null;
      setPrefilledTac(entry?.tac ?? null);
      setFields((current) => ({ ...current, make: entry?.make ?? '', model: entry?.model ?? '' }));
      settingsRef.current = { ...settingsRef.current, make: entry?.make ?? null, model: entry?.model ?? null };
    },
  });

  const dual = kind === 'DEVICE' && imeiCount === '2';

  /** Checks the settings, then receives each value scanned (a dual-SIM device takes two scans). */
  const scan = (raw: string) => {
    const values = splitScannedText(raw);
    if (values.length === 0) return;
    const problems: typeof errors = {};
    if (!carrierCode) problems.carrierCode = 'Choose the carrier before scanning';
    const cost = readCost(fields.cost);
    if (!cost.ok) problems.cost = cost.message;
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setText('');
    let pending = held;
    for (const value of values) {
      if (!dual) queue.submit([value]);
      else if (pending === null) pending = value;
      else {
        queue.submit([pending, value]);
        pending = null;
      }
    }
    setHeld(pending);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    // The DOM's value, not the last render's: a scanner's keystrokes can outrun React.
    scan(event.currentTarget.value);
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    if (!/[\r\n,;\t]/.test(pasted.trim())) return;
    // A pasted list is received at once, one item per value.
    event.preventDefault();
    scan(pasted);
  };

  const changeKind = (next: InventoryKind) => {
    setKind(next);
    setHeld(null);
    scanRef.current?.focus();
  };

  const carrierOptions = (choices.data?.carriers ?? []).map((carrier) => ({ value: carrier.code, label: `${carrier.name} (${carrier.code})` }));
  const sending = queue.entries.filter((entry) => entry.state === 'sending').length;

  return (
    <Page size={1400}>
      <PageHeader
        title="Receive"
        description="Set what you are receiving once, then scan each item. Every scan is put into stock as Available right away."
        actions={
          <Button component={Link} to="/inventory/import" variant="default" leftSection={<IconFileImport size={16} aria-hidden />}>
            Import CSV
          </Button>
        }
      />
      <Paper p="lg" style={{ borderColor: 'var(--ld-border)' }}>
        <Stack gap="md">
          <Title order={2} fz="md">
            What you are receiving
          </Title>
          <Group gap="lg" align="flex-start" wrap="wrap">
            <Input.Wrapper label="Kind" id={ids.kind}>
              <div>
                <SegmentedControl
                  aria-labelledby={`${ids.kind}-label`}
                  data={INVENTORY_KINDS.map((value) => ({ value, label: INVENTORY_KIND_LABELS[value] }))}
                  value={kind}
                  onChange={(value) => changeKind(INVENTORY_KINDS.find((k) => k === value) ?? 'DEVICE')}
                />
              </div>
            </Input.Wrapper>
            <Select
              label="Carrier"
              placeholder="Choose the carrier"
              required
              data={carrierOptions}
              value={carrierCode}
              onChange={(value) => {
                setCarrierCode(value);
                setErrors((current) => ({ ...current, carrierCode: undefined }));
              }}
              searchable
              error={errors.carrierCode}
              w={{ base: '100%', xs: 280 }}
            />
            {kind === 'DEVICE' && (
              <Input.Wrapper label="IMEIs per device" id={ids.imeis}>
                <div>
                  <SegmentedControl
                    aria-labelledby={`${ids.imeis}-label`}
                    data={IMEI_COUNTS}
                    value={imeiCount}
                    onChange={(value) => {
                      setImeiCount(value);
                      setHeld(null);
                    }}
                  />
                </div>
              </Input.Wrapper>
            )}
          </Group>
          <StockFields
            values={fields}
            onChange={(patch) => {
              setFields((current) => ({ ...current, ...patch }));
              // Make or model typed by hand: no longer following the TAC table.
              if ('make' in patch || 'model' in patch) setPrefilledTac(null);
              if ('cost' in patch) setErrors((current) => ({ ...current, cost: undefined }));
            }}
            choices={choices.data}
            errors={errors}
            makeModelHint={kind === 'DEVICE' ? (prefilledTac ? `Filled from the TAC table (TAC ${prefilledTac}).` : 'Left empty, they are filled from the TAC table of the first IMEI scanned.') : undefined}
            withReceivedOn
          />
        </Stack>
      </Paper>

      <Paper p="lg" bg="gray.0" style={{ borderColor: 'var(--ld-border)' }}>
        <Stack gap={8}>
          <TextInput
            ref={scanRef}
            label={dual && held ? 'Scan the second IMEI' : `Scan ${INVENTORY_KIND_NOUNS[kind]}`}
            placeholder={`Scan or type the ${ITEM_IDENTIFIER_KINDS[kind].join(' or ')}, then Enter`}
            size="md"
            autoFocus
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            leftSection={<IconBarcode size={20} aria-hidden />}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            aria-describedby={`${ids.hint} ${ids.progress}`}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          {dual && held && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} p="xs">
              <Group justify="space-between" gap="xs">
                <Text fz="sm">
                  IMEI <span className="ld-mono">{held}</span> is waiting for its device&apos;s second IMEI.
                </Text>
                <Button size="compact-sm" variant="subtle" onClick={() => setHeld(null)}>
                  Discard it
                </Button>
              </Group>
            </Alert>
          )}
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text id={ids.hint} fz="xs" c="dimmed">
              A scanner&apos;s <Kbd size="xs">Enter</Kbd> receives each item as it is read; paste a list to receive many at once.
              {dual ? ' Each device takes two scans: IMEI, then IMEI 2.' : ''}
            </Text>
            <Text id={ids.progress} fz="xs" c="dimmed" role="status">
              {sending > 0 ? `Receiving… ${sending} on the way` : ''}
            </Text>
          </Group>
        </Stack>
      </Paper>

      <ReceivedList entries={queue.entries} onClear={queue.clear} />
    </Page>
  );
}

function readCostCents(text: string): number | null {
  const cost = readCost(text);
  return cost.ok ? cost.cents : null;
}
