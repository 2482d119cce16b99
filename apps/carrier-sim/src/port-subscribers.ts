import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { TGatewayLineRequest, GatewayRejectionCode } from '@linedesk/domain';

/** Subscribers of other carriers that can be ported in (a fixture: the simulator's view of the porting database). */
const ZPortSubscriber = z.object({
  number: z.string().regex(/^\d{10}$/),
  carrier: z.string().min(1),
  accountNumber: z.string().min(1),
  pin: z.string().min(1),
  portOutBlocked: z.boolean().default(false),
});
export type TPortSubscriber = z.infer<typeof ZPortSubscriber>;

export const PORT_SUBSCRIBERS_FILE = new URL('../fixtures/port-subscribers.json', import.meta.url);

export function loadPortSubscribers(file: URL | string = PORT_SUBSCRIBERS_FILE): Map<string, TPortSubscriber> {
  const list = z.array(ZPortSubscriber).parse(JSON.parse(readFileSync(file, 'utf8')));
  return new Map(list.map((subscriber) => [subscriber.number, subscriber]));
}

export type PortCheck = { ok: true; number: string } | { ok: false; code: GatewayRejectionCode; text: string };

/**
 * Account number and PIN are checked before the port-out block, as a carrier's port validation does (a block is
 * told only to someone who proved they hold the account). The current carrier's name is not compared: dealers
 * type it freely.
 */
export function checkPortIn(
  portIn: NonNullable<TGatewayLineRequest['portIn']>,
  subscribers: ReadonlyMap<string, TPortSubscriber>,
  isOnNetwork: (mdn: string) => boolean,
): PortCheck {
  const subscriber = subscribers.get(portIn.number);
  if (!subscriber || isOnNetwork(portIn.number)) {
    return { ok: false, code: 'PORT_NUMBER_NOT_FOUND', text: `${portIn.number} is not a subscriber number at another carrier` };
  }
  if (subscriber.accountNumber !== portIn.accountNumber.trim()) {
    return { ok: false, code: 'PORT_ACCOUNT_MISMATCH', text: `The account number does not match ${subscriber.carrier}'s account for ${portIn.number}` };
  }
  if (subscriber.pin !== portIn.pin.trim()) {
    return { ok: false, code: 'PORT_PIN_MISMATCH', text: `The PIN does not match ${subscriber.carrier}'s account for ${portIn.number}` };
  }
  if (subscriber.portOutBlocked) {
    return { ok: false, code: 'PORT_NUMBER_NOT_PORTABLE', text: `${portIn.number} has a port-out block at ${subscriber.carrier}; the subscriber must remove it first` };
  }
  return { ok: true, number: subscriber.number };
}
