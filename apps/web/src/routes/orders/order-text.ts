import { describeNeeds, type TOrderLine } from '@linedesk/domain';

/** Lines are stored from 0 and shown from 1: "Line 1" is the order's first line. */
export function lineNumber(position: number): number {
  return position + 1;
}

/** What a line still needs, as a list: "a device (IMEI) and a SIM (ICCID)"; empty when it has everything. */
export function needsText(line: Pick<TOrderLine, 'missing'>): string {
  return describeNeeds(line.missing);
}

/** "Line 1 — Smartphone (needs a SIM (ICCID))", the way the Assign to list names a line. */
export function lineOptionLabel(line: TOrderLine): string {
  const needs = needsText(line);
  return `Line ${lineNumber(line.position)} — ${line.lineTypeName} (${needs ? `needs ${needs}` : 'has what it needs'})`;
}

/** "Northwind Nano SIM (4FF)": make and model, whichever are known; a model that starts with its make ("Aurora X5") is enough. */
export function makeModel(item: { make: string | null; model: string | null }): string | null {
  const { make, model } = item;
  if (make && model && model.toLowerCase().startsWith(make.toLowerCase())) return model;
  const text = [make, model].filter(Boolean).join(' ');
  return text || null;
}
