/**
 * Reply and forward prefixes mail clients put before a subject, in the languages they ship in
 * (Re/Fwd, German AW/WG, Spanish RV, French TR, Nordic SV/VS/VB/VL, Dutch Antw/Doorst, Italian
 * R/I/Rif, Portuguese Res/Enc, Polish Odp/PD, Turkish YNT/ILT, Greek, Russian, Chinese, Japanese,
 * Korean), optionally counted ("Re[2]:", "Re(3):", "RE^2:").
 */
const PREFIXES = [
  're', 'fw', 'fwd', 'aw', 'wg', 'rv', 'tr', 'sv', 'vs', 'vb', 'vl', 'antw', 'doorst', 'rif', 'r', 'i', 'enc', 'res', 'odp', 'pd',
  'ynt', 'ilt', 'απ', 'σχετ', 'πρθ', 'отв', 'пер', '回复', '回覆', '转发', '轉寄', '答复', '返信', '転送', '회신', '전달',
];
const PREFIX = new RegExp(`^(?:${PREFIXES.join('|')})\\s*(?:\\[\\d+\\]|\\(\\d+\\)|\\^\\d+)?\\s*:\\s*`, 'iu');

/**
 * The subject two emails of one conversation share: without any run of reply/forward prefixes,
 * with case, Unicode width (NFKC, so a full-width colon is a colon) and whitespace evened out.
 * Null when nothing is left: subjectless mail never joins a conversation by subject.
 */
export function subjectKeyOf(subject: string | null): string | null {
  if (subject === null) return null;
  let rest = subject.normalize('NFKC').replace(/\s+/g, ' ').trim();
  for (let stripped = rest.replace(PREFIX, ''); stripped !== rest; stripped = rest.replace(PREFIX, '')) rest = stripped;
  const key = rest.toLowerCase();
  return key === '' ? null : key;
}
