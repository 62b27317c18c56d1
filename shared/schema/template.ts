import { z } from 'zod';
import { LocalizedText, Slug, Text } from './common';

/** The face drawn on a level's button: colour and expression, never an emoji (kiosks may lack the font). */
export const Face = z.enum(['very-satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very-dissatisfied']);
export type Face = z.infer<typeof Face>;

/**
 * One answer on a scale. `value` orders the levels (higher is better); `points` carries the
 * Circular 01/2018 score (2/1/0) where the template is scored that way.
 */
export const ScaleLevel = z.strictObject({
  value: z.int().min(0).max(5),
  label: LocalizedText,
  face: Face,
  points: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
});
export type ScaleLevel = z.infer<typeof ScaleLevel>;

/** Levels listed best first; values strictly decreasing so reports can order and average them. */
export const Scale = z
  .array(ScaleLevel)
  .min(3)
  .max(5)
  .refine((levels) => levels.length === 3 || levels.length === 5, 'a scale has 3 or 5 levels')
  .refine(
    (levels) => levels.every((level, i) => i === 0 || level.value < levels[i - 1]!.value),
    'levels are listed best first, with strictly decreasing values',
  );
export type Scale = z.infer<typeof Scale>;

export const Criterion = z.strictObject({
  id: Slug,
  label: LocalizedText,
  /** A plain question under the label: what exactly the citizen is rating. */
  question: LocalizedText,
  /** Usually the template's scale; Circular 01/2018 indicators have answers of their own. */
  levels: Scale,
  /**
   * How the answers are drawn: faces for an opinion, plain words for a fact (how late, how many
   * times), where a face would judge the citizen's answer ("Trên 2 lần" is not an angry citizen).
   */
  answerStyle: z.enum(['faces', 'words']).default('faces'),
});
export type Criterion = z.infer<typeof Criterion>;

export const Reason = z.strictObject({
  code: Slug,
  label: LocalizedText,
  /**
   * The overall levels that offer this reason ("Bị yêu cầu chi phí" only at the very bottom); absent:
   * every level in `reasonsFor`. Left out when unused, so kiosks older than it still read the template.
   */
  levels: z.array(z.int().min(0).max(5)).min(1).max(5).optional(),
});

const compiles = (pattern: string) => {
  try {
    new RegExp(`^(?:${pattern})$`, 'u');
    return true;
  } catch {
    return false;
  }
};

/**
 * The dossier code printed on the receipt (Circular 01/2018, Mẫu số 01), asked right after the
 * first tap: typed, or read by a scanner acting as a keyboard. `pattern` is anchored, matched on the
 * code in capitals; `example` is shown to the citizen.
 */
export const DossierRule = z.strictObject({
  required: z.boolean(),
  pattern: Text.min(1).max(200).refine(compiles, 'not a valid regular expression'),
  example: Text.min(1).max(60),
});
export type DossierRule = z.infer<typeof DossierRule>;
export type Reason = z.infer<typeof Reason>;

/** A template's fields; `SurveyTemplate` adds the checks across them. */
export const SurveyTemplateFields = z.strictObject({
  id: Slug,
  version: z.int().min(1),
  name: LocalizedText,
  /** The one question on the start screen. */
  question: LocalizedText,
  /** The overall scale: its size (3 or 5) is part of the template. */
  scale: Scale,
  criteria: z.array(Criterion).max(12),
  reasons: z.array(Reason).max(12),
  /** Overall values that lead to the reasons step (the unsatisfied end of the scale). */
  reasonsFor: z.array(z.int()).max(5),
  comment: z.strictObject({
    enabled: z.boolean(),
    maxLength: z.int().min(20).max(2000),
  }),
  /** Absent: no dossier-code step. */
  dossier: DossierRule.optional(),
  /** Walk-away: seconds without a touch before the kiosk keeps what was answered and starts over. */
  idleTimeoutSeconds: z.int().min(10).max(300).default(20),
});

/** What must hold across a template's fields (levels named by reasonsFor and reasons exist, ids are unique). */
export function checkTemplate(
  template: Pick<z.infer<typeof SurveyTemplateFields>, 'scale' | 'criteria' | 'reasons' | 'reasonsFor'>,
  ctx: z.RefinementCtx,
) {
  const values = new Set(template.scale.map((level) => level.value));
  for (const value of template.reasonsFor) {
    if (!values.has(value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['reasonsFor'],
        message: `no level with value ${value}`,
      });
    }
  }
  template.reasons.forEach((reason, i) => {
    for (const value of reason.levels ?? []) {
      if (!values.has(value)) ctx.addIssue({ code: 'custom', path: ['reasons', i, 'levels'], message: `no level with value ${value}` });
    }
  });
  const ids = template.criteria.map((c) => c.id);
  if (new Set(ids).size !== ids.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['criteria'],
      message: 'criterion ids must be unique',
    });
  }
  const codes = template.reasons.map((r) => r.code);
  if (new Set(codes).size !== codes.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['reasons'],
      message: 'reason codes must be unique',
    });
  }
}

export const SurveyTemplate = SurveyTemplateFields.superRefine(checkTemplate);
export type SurveyTemplate = z.infer<typeof SurveyTemplate>;
export type SurveyTemplateInput = z.input<typeof SurveyTemplate>;
