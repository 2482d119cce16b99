import type { TStockItemDetail } from '@linedesk/domain';
import { Drawer, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '../../../components/common/form-alert';
import { useStockChoices, useUpdateStockItem } from '../../../hooks/api/inventory';
import { serverFieldErrors } from '../../../lib/form-errors';
import { FormActions } from '../../catalog/common/fields';
import { readCost, StockFields, type StockFieldValues } from '../stock-fields';

type Props = { item: TStockItemDetail; opened: boolean; itemLabel: string; onClose: () => void };

/** Edit where an item is and what describes it; its identifiers, kind, carrier and status stay. */
export function EditItemDrawer({ item, opened, itemLabel, onClose }: Props) {
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title="Edit item">
      {opened && <EditItemForm item={item} itemLabel={itemLabel} onDone={onClose} />}
    </Drawer>
  );
}

function EditItemForm({ item, itemLabel, onDone }: { item: TStockItemDetail; itemLabel: string; onDone: () => void }) {
  const update = useUpdateStockItem(item.id);
  const choices = useStockChoices();
  // A make or model shown from the TAC table is not the item's own: the fields start empty then.
  const own = item.modelSource === 'ITEM';
  const [values, setValues] = useState<StockFieldValues>({
    make: own ? (item.make ?? '') : '',
    model: own ? (item.model ?? '') : '',
    location: item.location ?? '',
    agentCode: item.agentCode,
    cost: item.costCents === null ? '' : (item.costCents / 100).toFixed(2),
    receivedOn: item.receivedOn ?? '',
    purchaseOrder: item.purchaseOrder ?? '',
  });
  const [costError, setCostError] = useState<string | null>(null);
  const errors = serverFieldErrors(update.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const cost = readCost(values.cost);
    if (!cost.ok) {
      setCostError(cost.message);
      return;
    }
    setCostError(null);
    update.mutate(
      {
        make: values.make,
        model: values.model,
        location: values.location,
        agentCode: values.agentCode,
        costCents: cost.cents,
        receivedOn: values.receivedOn || null,
        purchaseOrder: values.purchaseOrder,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'Item saved', message: itemLabel });
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <FormAlert error={update.error} />
        <StockFields
          values={values}
          onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
          choices={choices.data}
          errors={{ ...errors, cost: costError ?? errors.costCents }}
          makeModelHint={item.kind === 'DEVICE' && !own && item.modelSource === 'TAC' ? `Shown from the TAC table: ${[item.make, item.model].filter(Boolean).join(' ')}. Leave empty to keep following it.` : undefined}
          withReceivedOn
          autoFocus
        />
        <FormActions onCancel={onDone} submitLabel="Save" loading={update.isPending} />
      </Stack>
    </form>
  );
}
