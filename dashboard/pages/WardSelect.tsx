import type { Ward } from '../../shared/contract/admin-api';

/** A labelled choice of ward; `emptyLabel` names the blank choice (all wards, or none yet). */
export function WardSelect(props: {
  label: string;
  wards: Ward[] | undefined;
  value: string;
  emptyLabel?: string;
  onChange: (wardId: string) => void;
}) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.emptyLabel ?? ''}</option>
        {props.wards?.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name.vi}
          </option>
        ))}
      </select>
    </label>
  );
}
