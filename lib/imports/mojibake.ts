/**
 * Meta's exports (Instagram, Facebook, Messenger, Threads) store UTF-8 bytes as one code point
 * each ("café" arrives as "cafÃ©", "😂" as "ð\u009f\u0098\u0082"). A string whose code units
 * are all ≤ 0xFF is turned back into bytes and decoded as UTF-8 with a fatal decoder; a string
 * that isn't valid UTF-8 that way was not mangled, and is kept as it is.
 */
const decoder = new TextDecoder('utf-8', { fatal: true });

export function repairMojibake(text: string): string {
  let high = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) return text;
    if (code >= 0x80) high = true;
  }
  if (!high) return text;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  try {
    return decoder.decode(bytes);
  } catch {
    return text;
  }
}
