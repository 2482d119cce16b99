import { namesAndAddressesSchema, type TNamesAndAddressesInput, type TWizardDraft } from '@linedesk/domain';
import { AppError } from '../../../http/app-error.js';
import { parseOrThrow } from '../../../http/validate.js';
import { changeDraft, type DraftChange } from '../draft-step.js';

/** Step 3: the customer's name (a person's or a company's, by the profile's class) and the Service, Billing and Listing addresses. */
export async function saveNamesStep(change: DraftChange & { input: TNamesAndAddressesInput }): Promise<TWizardDraft> {
  return changeDraft(change, 'save_names', async (_tx, row) => {
    const customerClass = row.data.profile?.customerClass;
    if (!customerClass) throw new AppError('RULE_VIOLATED', 'Complete the Customer Profile first: the class decides which name fields apply');
    return { ...row.data, names: parseOrThrow(namesAndAddressesSchema(customerClass), change.input) };
  });
}
