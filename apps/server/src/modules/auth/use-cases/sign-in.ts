import type { TSessionInfo, TSignInInput } from '@linedesk/domain';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import { toUser } from '../auth.mapper.js';
import { sessions, users } from '../auth.schema.js';
import { burnPasswordCheck, verifyPassword } from '../password.js';
import { newSessionToken } from '../session-token.js';

export type SignInResult = { token: string; session: TSessionInfo };

/** Checks the password and opens a session. Unknown, inactive and wrong-password all fail alike. */
export async function signIn(options: {
  db: DbOrTx;
  input: TSignInInput;
  ttlHours: number;
  client: { ipAddress: string | null; userAgent: string | null; requestId: string | null };
}): Promise<SignInResult> {
  const { db, input, ttlHours, client } = options;
  const [user] = await db.select().from(users).where(eq(users.email, input.email));
  const passwordMatches = user ? await verifyPassword(input.password, user.passwordHash) : await burnPasswordCheck(input.password);
  if (!user || !passwordMatches || !user.isActive) {
    throw new AppError('INVALID_CREDENTIALS', 'The email or password is not correct, or the account is inactive');
  }
  const { token, tokenHash } = newSessionToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  const signedIn = await db.transaction(async (tx) => {
    await tx.insert(sessions).values({ tokenHash, userId: user.id, expiresAt, ipAddress: client.ipAddress, userAgent: client.userAgent });
    const [row] = await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id)).returning();
    await recordAudit(
      tx,
      { actorUserId: user.id, actorLabel: user.email, requestId: client.requestId },
      { entityType: 'user', entityId: user.id, action: 'sign_in', after: { ipAddress: client.ipAddress } },
    );
    return row ?? user;
  });
  return { token, session: { user: toUser(signedIn), expiresAt: expiresAt.toISOString() } };
}
