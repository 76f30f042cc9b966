const SNIPPET_CHARS = 200;

/** The start of a body on one line: whitespace runs collapse, and a cut is marked with an ellipsis. */
export function snippetOf(body: string | null): string | null {
  if (body === null) return null;
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > SNIPPET_CHARS ? `${line.slice(0, SNIPPET_CHARS - 1)}…` : line;
}
