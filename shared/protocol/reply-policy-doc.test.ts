import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './error-codes.js';
import { BARE_REPLIES, type ReplyRule } from './reply-policy.js';

/**
 * docs/architecture.md shows the reply policy as a table for readers; the data here is the
 * policy. This test keeps the two the same, so the document can never describe a rule the
 * code does not follow. On failure it prints the table to paste between the markers.
 */

const DOC = new URL('../../docs/architecture.md', import.meta.url);
const HEADER = [
  'answer',
  'status',
  "page's push",
  "worker's replay",
  'queued log-out',
  'the user sees',
];

function expectedRows(): string[][] {
  const row = (answer: string, status: string, rule: ReplyRule) => [
    `\`${answer}\``,
    status,
    `\`${rule.push}\``,
    `\`${rule.replay}\``,
    `\`${rule.logout}\``,
    rule.ui.replaceAll('|', '\\|'),
  ];
  return [
    ...Object.entries(ERROR_CODES).map(([code, rule]) => row(code, String(rule.status), rule)),
    ...Object.entries(BARE_REPLIES).map(([key, rule]) => row(key, '—', rule)),
  ];
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

function tableInDoc(): string[][] {
  const text = readFileSync(DOC, 'utf8');
  const start = text.indexOf('<!-- reply-policy:start -->');
  const end = text.indexOf('<!-- reply-policy:end -->');
  if (start < 0 || end < start)
    throw new Error('docs/architecture.md lost its reply-policy markers');
  const lines = text
    .slice(start, end)
    .split('\n')
    .filter((line) => line.trim().startsWith('|'));
  return lines.map(cells).filter((row) => !row.every((cell) => /^-+$/.test(cell)));
}

const asMarkdown = (rows: string[][]) =>
  [HEADER, HEADER.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');

describe('the reply policy in docs/architecture.md', () => {
  it('is the table of the data, row for row', () => {
    const expected = [HEADER, ...expectedRows()];
    const found = tableInDoc();
    if (JSON.stringify(found) !== JSON.stringify(expected)) {
      console.log(`The table to paste:\n\n${asMarkdown(expectedRows())}\n`);
    }
    expect(found).toEqual(expected);
  });
});
