const MAX_LENGTH = 255;

export interface PersonName {
  first_name: string | null;
  last_name: string;
}

/**
 * A new contact's name from a mail display name ("Jane Doe", "Doe, Jane", "'Jane'"): the last
 * word is the last name. Without a usable name, the address's local part is the last name
 * (Sell requires one).
 */
export function personName(displayName: string | null | undefined, email: string): PersonName {
  const name = cleaned(displayName);
  if (!name) return { first_name: null, last_name: clip(email.split('@')[0]) };
  const inverted = /^([^,]+),\s*([^,]+)$/.exec(name);
  if (inverted) return { first_name: clip(inverted[2].trim()), last_name: clip(inverted[1].trim()) };
  const words = name.split(' ');
  if (words.length === 1) return { first_name: null, last_name: clip(name) };
  return { first_name: clip(words.slice(0, -1).join(' ')), last_name: clip(words[words.length - 1]) };
}

/** The display name without quotes and extra spaces; empty when it is an address (it names no one). */
function cleaned(displayName: string | null | undefined): string {
  if (typeof displayName !== 'string') return '';
  const name = displayName.replace(/^["'\s]+|["'\s]+$/g, '').replace(/\s+/g, ' ');
  return name.includes('@') ? '' : name;
}

function clip(value: string): string {
  return value.slice(0, MAX_LENGTH);
}
