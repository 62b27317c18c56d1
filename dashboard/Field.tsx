import { useId, type InputHTMLAttributes } from 'react';

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
