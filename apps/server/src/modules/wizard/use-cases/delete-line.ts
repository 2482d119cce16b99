import type { TWizardDraft } from '@linedesk/domain';
import { AppError } from '../../../http/app-error.js';
import { changeDraft, type DraftChange } from '../draft-step.js';

/** Removes a saved line from the Lines page. */
export async function deleteLine(change: DraftChange & { lineId: string }): Promise<TWizardDraft> {
  return changeDraft(change, 'delete_line', async (_tx, row) => {
    if (!row.data.lines.some((line) => line.id === change.lineId)) throw new AppError('NOT_FOUND', 'No such line on this draft');
    return { ...row.data, lines: row.data.lines.filter((line) => line.id !== change.lineId) };
  });
}
