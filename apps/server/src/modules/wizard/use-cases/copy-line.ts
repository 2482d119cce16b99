import type { TWizardDraft } from '@linedesk/domain';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../http/app-error.js';
import { changeDraft, type DraftChange } from '../draft-step.js';

/**
 * Copies a saved line (a family adding four phones on one plan): same line type, package,
 * properties and products; not the identifiers, the number to port or the port-out PIN, which
 * belong to one line only.
 */
export async function copyLine(change: DraftChange & { lineId: string }): Promise<TWizardDraft> {
  return changeDraft(change, 'copy_line', async (_tx, row) => {
    const source = row.data.lines.find((line) => line.id === change.lineId);
    if (!source) throw new AppError('NOT_FOUND', 'No such line on this draft');
    if (source.portIn) throw new AppError('RULE_VIOLATED', 'A port-in line cannot be copied: each ported number needs its own line');
    const copy = { ...source, id: randomUUID(), identifiers: [] };
    const at = row.data.lines.indexOf(source) + 1;
    return { ...row.data, lines: [...row.data.lines.slice(0, at), copy, ...row.data.lines.slice(at)] };
  });
}
