import { textOf } from '../zip.js';

/**
 * Beanconqueror's export, as its app writes it (graphefruit/Beanconqueror, read for this:
 * src/classes/bean/bean.ts and src/classes/brew/brew.ts for the fields and their defaults, and
 * its ZIP writer, which adds `Beanconqueror_Brews_N.json` / `_Beans_N.json` for every chunk of
 * 500 past the first, each `JSON.stringify` of a bare array): `Beanconqueror.json` is keyed
 * BEANS, BREWS, MILL, PREPARATION, WATER, SETTINGS, VERSION (N of the chunks from 1). Every
 * record has `config: { uuid, unix_timestamp }` (seconds). Fields default to 0 or ""
 * for "not set", and older versions stored some numbers as strings (Brew.fixDataTypes), so
 * every field is read as `unknown` and checked by the mapping.
 */
export type BcRecord = Record<string, unknown> & {
  config?: { uuid?: unknown; unix_timestamp?: unknown };
};

export interface BeanconquerorExport {
  beans: BcRecord[];
  brews: BcRecord[];
  mills: BcRecord[];
  preparations: BcRecord[];
  /** Chunk files read besides Beanconqueror.json (0 for a bare JSON). */
  chunks: number;
}

export const MAIN_FILE = 'Beanconqueror.json';
const BEANS_CHUNK = /(^|\/)Beanconqueror_Beans_\d+\.json$/;
const BREWS_CHUNK = /(^|\/)Beanconqueror_Brews_\d+\.json$/;

/** Whether a parsed JSON value is Beanconqueror's main file (it has its BEANS and BREWS keys). */
export function isBeanconquerorJson(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as Record<string, unknown>).BEANS) &&
    Array.isArray((value as Record<string, unknown>).BREWS)
  );
}

function records(value: unknown): BcRecord[] {
  return Array.isArray(value)
    ? value.filter((r): r is BcRecord => typeof r === 'object' && r !== null && !Array.isArray(r))
    : [];
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${name} in this file is not JSON.`);
  }
}

/** Beanconqueror's main object, plus the chunks of a ZIP, merged into one export. */
export function fromMainAndChunks(
  main: Record<string, unknown>,
  chunks: readonly { name: string; value: unknown }[] = [],
): BeanconquerorExport {
  const out: BeanconquerorExport = {
    beans: records(main.BEANS),
    brews: records(main.BREWS),
    mills: records(main.MILL),
    preparations: records(main.PREPARATION),
    chunks: chunks.length,
  };
  for (const chunk of chunks) {
    if (BEANS_CHUNK.test(chunk.name)) out.beans.push(...records(chunk.value));
    else out.brews.push(...records(chunk.value));
  }
  return out;
}

/** A parsed JSON file as Beanconqueror's bare export, or null when it is not one. */
export function fromJson(value: unknown): BeanconquerorExport | null {
  return isBeanconquerorJson(value) ? fromMainAndChunks(value) : null;
}

/**
 * The files of a ZIP as Beanconqueror's export, or null when it has no Beanconqueror.json
 * (another format); throws an Error with a sentence when it is a damaged one.
 */
export function fromZipFiles(files: ReadonlyMap<string, Uint8Array>): BeanconquerorExport | null {
  const mainName = [...files.keys()].find((n) => n === MAIN_FILE || n.endsWith(`/${MAIN_FILE}`));
  if (mainName === undefined) return null;
  const main = parseJson(textOf(files.get(mainName) as Uint8Array), MAIN_FILE);
  if (!isBeanconquerorJson(main)) throw new Error(`${MAIN_FILE} has no BEANS or BREWS list.`);
  const chunks = [...files.entries()]
    .filter(([name]) => BEANS_CHUNK.test(name) || BREWS_CHUNK.test(name))
    .map(([name, data]) => ({ name, value: parseJson(textOf(data), name) }));
  return fromMainAndChunks(main, chunks);
}
