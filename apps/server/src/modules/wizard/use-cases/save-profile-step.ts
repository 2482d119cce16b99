import {
  customerProfileSchema,
  maskSsn,
  maskTaxId,
  PROFILE_SECRETS,
  type ProfileSecret,
  type TCustomerProfile,
  type TCustomerProfileInput,
  type TWizardDraft,
} from '@linedesk/domain';
import type { Tx } from '../../../db/client.js';
import { fieldsError, parseOrThrow } from '../../../http/validate.js';
import type { SecretBox } from '../../../security/secret-box.js';
import { findUsers } from '../../auth/use-cases/find-users.js';
import { listProfileChoices } from '../../catalog/use-cases/list-profile-choices.js';
import { findCustomerByAccountNumber } from '../../customers/use-cases/find-customer-by-account-number.js';
import { nextSecret, type StoredProfile } from '../draft-data.js';
import { changeDraft, type DraftChange } from '../draft-step.js';
import { readProfileFieldSettings } from '../profile-field-settings.js';

const MASKS: Record<ProfileSecret, (plain: string) => string> = {
  securityPin: () => '••••',
  ssn: maskSsn,
  taxId: maskTaxId,
};

/** Step 2: the Customer Profile, under this installation's field settings, with its references checked. */
export async function saveProfileStep(change: DraftChange & { input: TCustomerProfileInput; secrets: SecretBox }): Promise<TWizardDraft> {
  const { input, secrets } = change;
  return changeDraft(change, 'save_profile', async (tx, row) => {
    const stored = row.data.profile;
    const storedSecrets = PROFILE_SECRETS.filter((key) => stored?.[key]);
    const settings = await readProfileFieldSettings(tx);
    const profile = parseOrThrow(customerProfileSchema({ settings, today: change.policy.now?.() ?? new Date(), storedSecrets }), input);
    await checkReferences(tx, profile, secrets);
    const next: StoredProfile = {
      ...profile,
      securityPin: nextSecret(secrets, profile.securityPin, stored?.securityPin ?? null, MASKS.securityPin),
      ssn: profile.customerClass === 'RESIDENTIAL' ? nextSecret(secrets, profile.ssn, stored?.ssn ?? null, MASKS.ssn) : null,
      taxId: profile.customerClass === 'BUSINESS' ? nextSecret(secrets, profile.taxId, stored?.taxId ?? null, MASKS.taxId) : null,
    };
    // A hidden field drops what was stored for it too.
    if (settings.securityPin === 'hidden') next.securityPin = null;
    if (settings.taxIdentity === 'hidden') {
      next.ssn = null;
      next.taxId = null;
    }
    return { ...row.data, profile: next };
  });
}

async function checkReferences(tx: Tx, profile: TCustomerProfile, secrets: SecretBox): Promise<void> {
  const problems: { path: string[]; rule: string; message: string }[] = [];
  const choices = await listProfileChoices({ db: tx, secrets });
  if (!choices.billProfiles.some((p) => p.code === profile.billProfileCode)) {
    problems.push({ path: ['billProfileCode'], rule: 'exists', message: `${profile.billProfileCode} is not an active bill profile` });
  }
  if (profile.agentCode && !choices.agents.some((a) => a.code === profile.agentCode)) {
    problems.push({ path: ['agentCode'], rule: 'exists', message: `${profile.agentCode} is not an active agent` });
  }
  const [salesPerson] = await findUsers({ db: tx, ids: [profile.salesPersonUserId] });
  if (!salesPerson?.isActive) problems.push({ path: ['salesPersonUserId'], rule: 'exists', message: 'Choose an active user as the Sales Person' });
  if (profile.accountNumber && (await findCustomerByAccountNumber({ db: tx, accountNumber: profile.accountNumber }))) {
    problems.push({ path: ['accountNumber'], rule: 'unique', message: `Account number ${profile.accountNumber} is already in use` });
  }
  if (profile.accountType === 'CHILD' && profile.parentAccountNumber) {
    const parent = await findCustomerByAccountNumber({ db: tx, accountNumber: profile.parentAccountNumber });
    if (!parent) problems.push({ path: ['parentAccountNumber'], rule: 'exists', message: `No account ${profile.parentAccountNumber}` });
    else if (parent.accountType !== 'PARENT') problems.push({ path: ['parentAccountNumber'], rule: 'parent', message: `${parent.accountNumber} is not a Parent account` });
  }
  if (problems.length) throw fieldsError(problems);
}

