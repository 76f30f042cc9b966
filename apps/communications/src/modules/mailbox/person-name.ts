/**
 * A new lead's or contact's name from how a sender signs their mail: "Pat Customer" gives first
 * name Pat and last name Customer, "Customer, Pat" the same; a single word is the last name;
 * no display name at all leaves the address's local part as the last name.
 */
export function personNameOf(displayName: string | null, email: string): { first_name?: string; last_name: string } {
  // eslint-disable-next-line no-control-regex
  const name = (displayName ?? '').replace(/["\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim();
  if (name === '' || name.toLowerCase() === email) return { last_name: clip(email.split('@')[0] || email) };
  const comma = name.indexOf(',');
  if (comma > 0 && comma < name.length - 1) {
    return { first_name: clip(name.slice(comma + 1).trim()), last_name: clip(name.slice(0, comma).trim()) };
  }
  const space = name.indexOf(' ');
  if (space === -1) return { last_name: clip(name) };
  return { first_name: clip(name.slice(0, space)), last_name: clip(name.slice(space + 1)) };
}

/** Records' limit on names. */
function clip(value: string): string {
  return value.slice(0, 255);
}
