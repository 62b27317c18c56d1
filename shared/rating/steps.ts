import type { Reason, SurveyTemplate } from '../schema/template';

/** The screens after the first tap, in order. */
export type Step = 'dossier' | 'official' | 'criteria' | 'reasons' | 'comment';

/** What the kiosk adds to the template's steps: the citizen picks who served them (by photo). */
export interface StepOptions {
  pickOfficial?: boolean;
}

/** Which steps a citizen goes through after giving `overall` on this template. */
export function stepsAfterOverall(template: SurveyTemplate, overall: number, options: StepOptions = {}): Step[] {
  const steps: Step[] = [];
  if (template.dossier) steps.push('dossier');
  if (options.pickOfficial) steps.push('official');
  if (template.criteria.length > 0) steps.push('criteria');
  if (reasonsOffered(template, overall).length > 0) steps.push('reasons');
  if (template.comment.enabled) steps.push('comment');
  return steps;
}

/** The step after `current` (or the first one), or null when the rating is finished. */
export function nextStep(template: SurveyTemplate, overall: number, current: Step | null, options: StepOptions = {}): Step | null {
  const steps = stepsAfterOverall(template, overall, options);
  const at = current === null ? -1 : steps.indexOf(current);
  return steps[at + 1] ?? null;
}

/** The reasons a citizen who gave `overall` is offered: none unless the level asks, then each reason offered there. */
export function reasonsOffered(template: SurveyTemplate, overall: number): Reason[] {
  if (!template.reasonsFor.includes(overall)) return [];
  return template.reasons.filter((reason) => reason.levels === undefined || reason.levels.includes(overall));
}
