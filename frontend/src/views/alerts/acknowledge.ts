/** Acknowledging an alert: the one change the dashboard makes. Asks for the token when the server wants one. */
import type { AckResponse } from '../../contract.ts';
import { ApiFailure, apiFetch } from '../../data/api-client.ts';

export type AckOutcome = { ok: true; result: AckResponse['result'] } | { ok: false; message: string };

export async function acknowledge(alertId: string): Promise<AckOutcome> {
  try {
    const body = await apiFetch<AckResponse>(`/api/alerts/${encodeURIComponent(alertId)}/ack`, {
      method: 'POST',
      body: { by: 'dashboard' },
    });
    return { ok: true, result: body.result };
  } catch (error) {
    if (!(error instanceof ApiFailure)) return { ok: false, message: String(error) };
    if (error.status === 401) {
      window.dispatchEvent(
        new CustomEvent('wattwatch:token-needed', {
          detail: 'Acknowledging alerts needs the API token of this server.',
        }),
      );
      return { ok: false, message: 'The API token is needed to acknowledge.' };
    }
    if (error.code === 'mutations_disabled')
      return { ok: false, message: 'Acknowledging is disabled on this server: it runs without API_TOKEN.' };
    return { ok: false, message: error.message };
  }
}
