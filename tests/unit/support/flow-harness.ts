import { vi } from 'vitest';
import { createActor } from 'xstate';
import { demoKioskConfig } from '../../../shared/demo';
import { ratingMachine, SETTLE_MS } from '../../../shared/flow/rating-machine';
import { SurveyTemplate, type SurveyTemplateInput } from '../../../shared/schema/template';
import { fakeDeps, FakeStore } from './fake-store';

export { KIOSK_ID } from '../../support/fixtures';
import { KIOSK_ID } from '../../support/fixtures';

/** Starts the rating flow on a template with fake storage; call inside vi.useFakeTimers(). */
export async function startFlow(
  templateId = 'sipas-5',
  store = new FakeStore(),
  adjust?: (template: SurveyTemplate) => SurveyTemplateInput,
) {
  const { deps, errors } = fakeDeps(store);
  const demo = demoKioskConfig(KIOSK_ID, templateId);
  const config = adjust ? { ...demo, template: SurveyTemplate.parse(adjust(demo.template)) } : demo;
  const actor = createActor(ratingMachine, { input: { deps, config } });
  actor.start();
  await vi.advanceTimersByTimeAsync(0);
  return {
    actor,
    store,
    errors,
    config,
    state: () => actor.getSnapshot(),
    /** A person's pause between taps: long enough to pass the double-tap guard. */
    pause: (ms = SETTLE_MS + 50) => vi.advanceTimersByTimeAsync(ms),
    flush: () => vi.advanceTimersByTimeAsync(0),
  };
}
