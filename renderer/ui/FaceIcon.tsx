import type { Face } from '../../shared/schema/template';

/** Mouth curves from a broad smile to a deep frown; eyebrows slant on the unhappy faces. */
const mouths: Record<Face, string> = {
  'very-satisfied': 'M30 58 Q50 82 70 58 Z',
  satisfied: 'M32 60 Q50 74 68 60',
  neutral: 'M33 64 L67 64',
  dissatisfied: 'M32 68 Q50 56 68 68',
  'very-dissatisfied': 'M30 72 Q50 50 70 72',
};

/**
 * Drawn faces, not emoji: a kiosk's OS may have no colour-emoji font. Colour is never the only cue:
 * the expression and the text label under it say the same thing.
 */
export function FaceIcon({ face }: { face: Face }) {
  const filled = face === 'very-satisfied';
  return (
    <svg className={`face-icon face-${face}`} viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <circle className="face-disc" cx="50" cy="50" r="46" />
      <circle className="face-feature-fill" cx="35" cy="40" r="6" />
      <circle className="face-feature-fill" cx="65" cy="40" r="6" />
      {face === 'very-dissatisfied' && (
        <>
          <path className="face-feature" d="M25 28 L42 33" />
          <path className="face-feature" d="M75 28 L58 33" />
        </>
      )}
      <path className={filled ? 'face-feature face-feature-fill' : 'face-feature'} d={mouths[face]} />
    </svg>
  );
}
