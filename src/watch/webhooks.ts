import { createHmac, randomBytes } from 'node:crypto';
import type { Config } from '../config/settings';
import type { Db } from '../db/query';
import { FetchError, safePost, type FetchLimits } from '../net/safe-fetch';
import { eventsAddedSince, recordDelivery, webhookTargets, type WebhookTarget } from './watch.repository';

/**
 * Webhooks: each watchlist with one gets its new events as one JSON POST, signed with an HMAC-SHA256 of the body
 * (`X-KB-Signature: sha256=<hex>`) and named by a delivery id (`X-KB-Delivery`), the same on every retry so a
 * receiver can drop a repeat. A failed attempt is retried with exponential backoff; the watchlist's mark moves
 * past the events only when the receiver answers 2xx, so nothing is sent twice once it is taken, and nothing is
 * lost while it is not. Every attempt is logged.
 */

export interface DeliveryOptions {
  limits: FetchLimits;
  /** Attempts per delivery (the first and its retries). */
  attempts: number;
  /** The wait before the first retry; each later one doubles it. */
  backoffMs: number;
  /** Events per delivery at most; more wait for the next round. */
  batch: number;
}

/** The delivery options the settings give (addresses under the article fetch's rules, no redirects). */
export const deliveryOptionsOf = (config: Config): DeliveryOptions => ({
  limits: { allowPrivate: config.FETCH_ALLOW_PRIVATE, timeoutMs: config.FETCH_TIMEOUT_S * 1000, maxBytes: 100_000, maxRedirects: 0 },
  attempts: config.WEBHOOK_ATTEMPTS,
  backoffMs: config.WEBHOOK_BACKOFF_S * 1000,
  batch: 500,
});

export const signatureOf = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function deliverOne(db: Db, target: WebhookTarget, options: DeliveryOptions): Promise<number> {
  const events = await eventsAddedSince(db, target.follow, target.deliveredUpTo, options.batch);
  if (events.length === 0) return 0;
  const delivery = `dl-${randomBytes(8).toString('hex')}`;
  const body = JSON.stringify({ watchlist: target.id, delivery, events });
  const headers = {
    'content-type': 'application/json',
    'x-kb-delivery': delivery,
    'x-kb-signature': signatureOf(target.webhookSecret, body),
  };
  for (let attempt = 1; attempt <= options.attempts; attempt += 1) {
    let status: number | null = null;
    let error: string | null = null;
    try {
      status = (await safePost(target.webhook, { body, headers }, options.limits)).status;
    } catch (failure) {
      error = failure instanceof FetchError ? failure.message : 'the request failed';
    }
    const ok = status !== null && status >= 200 && status < 300;
    if (!ok && error === null) error = `the receiver answered ${status}`;
    await recordDelivery(
      db,
      { id: delivery, watchlist: target.id, attempt, status, ok, error, events: events.length },
      ok ? events[events.length - 1]!.addedAt : null,
    );
    if (ok) return events.length;
    if (attempt < options.attempts) await pause(options.backoffMs * 2 ** (attempt - 1));
  }
  return 0;
}

/** One round: every watchlist with a webhook gets what was added since its last successful delivery. */
export async function deliverWebhooks(db: Db, options: DeliveryOptions): Promise<number> {
  let delivered = 0;
  for (const target of await webhookTargets(db)) delivered += await deliverOne(db, target, options);
  return delivered;
}

/** Runs a round every `everyMs` (never two at once) until stopped; a failing round is logged and the next one runs. */
export function startDeliveries(db: Db, options: DeliveryOptions, everyMs: number, log: (message: string) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverWebhooks(db, options)
      .catch((error: Error) => log(`webhooks: a round failed (${error.message})`))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
