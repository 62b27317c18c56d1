import type { Rating } from '../schema/rating';
import type { SurveyTemplate } from '../schema/template';

/** Checks a rating's answers against the template version it was given on; null when they fit. */
export function answersProblem(rating: Rating, template: SurveyTemplate): string | null {
  if (!template.scale.some((level) => level.value === rating.overall)) {
    return `overall ${rating.overall} is not on the ${template.id} v${template.version} scale`;
  }
  for (const [criterionId, value] of Object.entries(rating.criteria)) {
    const criterion = template.criteria.find((c) => c.id === criterionId);
    if (!criterion) return `criterion ${criterionId} is not in ${template.id} v${template.version}`;
    if (!criterion.levels.some((level) => level.value === value)) return `criterion ${criterionId} has no level ${value}`;
  }
  for (const code of rating.reasons) {
    if (!template.reasons.some((r) => r.code === code)) return `reason ${code} is not in ${template.id} v${template.version}`;
  }
  if (new Set(rating.reasons).size !== rating.reasons.length) return 'a reason is listed twice';
  if (rating.comment.length > template.comment.maxLength) return 'the comment is longer than the template allows';
  return null;
}
