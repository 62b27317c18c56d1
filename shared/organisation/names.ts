import { Text } from '../schema/common';

/** A name a person types (a district, ward, counter, official): trimmed, one line, 2 to 120 characters. */
export const PlaceName = Text.trim()
  .min(2, 'at least 2 characters')
  .max(120, 'at most 120 characters')
  .regex(/^[^\r\n\t]*$/, 'one line');
