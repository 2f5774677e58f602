/**
 * The first key that JSON.parse would silently resolve (a duplicate, where the last one wins)
 * or that is a prototype key (`__proto__`), with where it sits ("mutations[0].patch"), or
 * null. `text` must already be valid JSON: only strings need care, everything else is
 * structure.
 */
export function findBadKey(text: string): { key: string; at: string; why: string } | null {
  // One frame per open object or array: its path, and for objects the keys seen so far.
  const stack: { path: string; keys: Set<string> | null; index: number }[] = [];
  let expectingKey = false;
  let lastKey = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') {
      const end = endOfString(text, i);
      const frame = stack.at(-1);
      if (expectingKey && frame?.keys) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (key === '__proto__') return { key, at: frame.path, why: 'is a prototype key' };
        if (frame.keys.has(key)) return { key, at: frame.path, why: 'appears twice' };
        frame.keys.add(key);
        lastKey = key;
        expectingKey = false;
      }
      i = end;
    } else if (char === '{' || char === '[') {
      const parent = stack.at(-1);
      const path =
        parent === undefined
          ? ''
          : parent.keys === null
            ? `${parent.path}[${parent.index}]`
            : parent.path === ''
              ? lastKey
              : `${parent.path}.${lastKey}`;
      stack.push({ path, keys: char === '{' ? new Set() : null, index: 0 });
      expectingKey = char === '{';
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',') {
      const frame = stack.at(-1);
      if (frame?.keys) expectingKey = true;
      else if (frame) frame.index += 1;
    }
  }
  return null;
}

/** The index of the quote closing the string that opens at `start`. */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}
