import type { KioskOfficial } from '../../shared/schema/kiosk-config';

/** Initials for an official without a photo: the given name's first letter, as Vietnamese name cards do. */
const initials = (name: string) => {
  const words = name.trim().split(/\s+/);
  return (words.length > 1 ? `${words[0]![0]}${words.at(-1)![0]}` : words[0]!.slice(0, 2)).toLocaleUpperCase('vi');
};

/** An official's photo (or initials), name and title: on the start screen and in the pickers. */
export function OfficialCard({ official, compact = false }: { official: KioskOfficial; compact?: boolean }) {
  return (
    <span className={compact ? 'official-card compact' : 'official-card'}>
      {official.photo ? (
        <img className="official-photo" src={official.photo} alt="" />
      ) : (
        <span className="official-photo official-initials" aria-hidden="true">
          {initials(official.name)}
        </span>
      )}
      <span className="official-name">{official.name}</span>
      {official.title && !compact && <span className="official-title">{official.title}</span>}
    </span>
  );
}
