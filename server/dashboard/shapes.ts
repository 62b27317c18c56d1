import { z } from 'zod';
import { SurveyTemplate } from '../../shared/schema/template';

// What the dashboard reads from the admin API, checked on arrival.

export const ReportRow = z.object({
  key: z.string(),
  label: z.string(),
  hidden: z.boolean(),
  count: z.number(),
  distribution: z.record(z.string(), z.number()),
  mean: z.number().nullable(),
  satisfiedShare: z.number().nullable(),
  scaleSize: z.number(),
});
export const Report = z.object({ unit: z.string(), from: z.string(), to: z.string(), minResponses: z.number(), rows: z.array(ReportRow) });
export type Report = z.infer<typeof Report>;

export const Ward = z.object({
  id: z.string(),
  name_vi: z.string(),
  name_en: z.string(),
  template_id: z.string(),
  attribution: z.enum(['none', 'shift', 'citizen']),
  counters: z.array(z.object({ id: z.string(), label_vi: z.string(), label_en: z.string() })),
});
export type Ward = z.infer<typeof Ward>;

export const Official = z.object({
  id: z.string(),
  ward_id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  active: z.number(),
  photo: z.string().nullable(),
  hasPin: z.boolean(),
});
export type Official = z.infer<typeof Official>;

export const Kiosk = z.object({
  id: z.string(),
  ward_id: z.string(),
  counter_id: z.string(),
  last_seen_at: z.number().nullable(),
  revoked_at: z.number().nullable(),
  app_version: z.string().nullable(),
  heartbeat: z.object({ queueDepth: z.number() }).passthrough().nullable(),
  silent: z.boolean(),
});

export const EnrolmentCode = z.object({ code: z.string(), expiresAt: z.string(), link: z.string(), qrSvg: z.string() });

export const TemplateWithVersions = SurveyTemplate.and(z.object({ versions: z.array(z.number()) }));

export const Feedback = z.object({
  id: z.number(),
  ward_id: z.string(),
  overall: z.number(),
  comment: z.string(),
  status: z.enum(['moi', 'dang-xu-ly', 'da-xu-ly']),
  assignee: z.string().nullable(),
  response_note: z.string().nullable(),
  created_at: z.number(),
});

const Indicator = z.object({ criterionId: z.string(), dossiers: z.number(), score: z.number() });
export const Tt01 = z.object({
  minResponses: z.number(),
  repeatedDossiers: z.number(),
  units: z.array(z.object({ wardId: z.string(), label: z.string(), indicators: z.array(Indicator), total: z.number(), classification: z.string() })),
  officials: z.array(
    z.object({ label: z.string(), dossiers: z.number(), hidden: z.boolean(), indicators: z.array(Indicator), total: z.number().nullable(), classification: z.string().nullable() }),
  ),
});
