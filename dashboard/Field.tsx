import { useId, type InputHTMLAttributes, type SelectHTMLAttributes } from 'react';

/**
 * A labelled input with its problem written right under it (and announced), so a refused form says
 * what to fix where the person is looking.
 */
export function Field({ label, problem, ...input }: { label: string; problem?: string | null } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <label className="field">
      {label}
      <input {...input} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-problem` : undefined} />
      {problem && (
        <span id={`${id}-problem`} className="field-problem" role="alert">
          {problem}
        </span>
      )}
    </label>
  );
}

/** A labelled choice, its label apart from its options (so its name is the label's words alone). */
export function SelectField({
  label,
  problem,
  children,
  ...select
}: { label: string; problem?: string | null } & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} {...select} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-problem` : undefined}>
        {children}
      </select>
      {problem && (
        <span id={`${id}-problem`} className="field-problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
