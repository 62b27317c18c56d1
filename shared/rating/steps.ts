import type { SurveyTemplate } from '../schema/template';

/** The screens after the first tap, in order. */
export type Step = 'dossier' | 'criteria' | 'reasons' | 'comment';

/** Which steps a citizen goes through after giving `overall` on this template. */
export function stepsAfterOverall(template: SurveyTemplate, overall: number): Step[] {
  const steps: Step[] = [];
  if (template.dossier) steps.push('dossier');
  if (template.criteria.length > 0) steps.push('criteria');
  if (template.reasons.length > 0 && template.reasonsFor.includes(overall)) steps.push('reasons');
  if (template.comment.enabled) steps.push('comment');
  return steps;
}

/** The step after `current` (or the first one), or null when the rating is finished. */
export function nextStep(template: SurveyTemplate, overall: number, current: Step | null): Step | null {
  const steps = stepsAfterOverall(template, overall);
  const at = current === null ? -1 : steps.indexOf(current);
  return steps[at + 1] ?? null;
}
