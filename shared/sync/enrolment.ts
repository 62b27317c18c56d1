import { ApiErrorFromAnyServer as ApiError } from '../contract/errors';
import { EnrolResponse } from '../contract/kiosk-api';
import { isCertificateError } from './network-errors';

/** Why an enrolment failed, in terms a technician can act on (the screen words them in Vietnamese). */
export type EnrolmentProblem =
  'wrong_code' | 'used_code' | 'expired_code' | 'kiosk_mismatch' | 'certificate' | 'unreachable' | 'server_error';

export class EnrolmentError extends Error {
  constructor(readonly problem: EnrolmentProblem) {
    super(problem);
  }
}

const byServerCode: Record<string, EnrolmentProblem> = {
  unknown_code: 'wrong_code',
  invalid_request: 'wrong_code',
  code_used: 'used_code',
  code_expired: 'expired_code',
  kiosk_mismatch: 'kiosk_mismatch',
};

/**
 * Redeems an enrolment code with the district server; the answer is checked before it is kept.
 * `keepKioskId`: this kiosk still holds ratings the server does not have (open, pending or quarantined), so only its own re-enrolment code will do.
 */
export async function redeemEnrolment(
  fetchFn: typeof fetch,
  serverOrigin: string,
  code: string,
  appVersion: string,
  keepKioskId?: string,
  exportKey?: string,
): Promise<EnrolResponse> {
  let response: Response;
  try {
    response = await fetchFn(`${serverOrigin}/api/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, appVersion, keepKioskId, exportKey }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new EnrolmentError(isCertificateError(error) ? 'certificate' : 'unreachable');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = ApiError.safeParse(body);
    throw new EnrolmentError((error.success && byServerCode[error.data.error.code]) || 'server_error');
  }
  const parsed = EnrolResponse.safeParse(body);
  if (!parsed.success) throw new EnrolmentError('server_error');
  return parsed.data;
}
