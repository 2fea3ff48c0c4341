// The documentation's relative links lead somewhere: every linked file exists, and every #anchor names
// a heading of the file it points to (GitHub's heading ids). Links to other sites are not followed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const docs = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(path.join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The text outside fenced code blocks, where headings are headings. */
const withoutFences = (markdown: string) => markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');

/** The text outside fenced code blocks and code spans, where links are links. */
const prose = (markdown: string) => withoutFences(markdown).replace(/`[^`\n]*`/g, '');

/** GitHub's id for a heading: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function headingIds(markdown: string): Set<string> {
  const ids = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading] of withoutFences(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = (heading as string).replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, '');
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\s-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    ids.add(count === 0 ? base : `${base}-${count}`);
  }
  return ids;
}

function brokenLinks(file: string): string[] {
  const markdown = readFileSync(path.join(root, file), 'utf8');
  const problems: string[] = [];
  for (const [, target] of prose(markdown).matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target as string)) continue;
    const [linked, anchor] = (target as string).split('#', 2) as [string, string | undefined];
    const resolved = linked ? path.join(path.dirname(path.join(root, file)), linked) : path.join(root, file);
    if (!existsSync(resolved)) {
      problems.push(`${file}: ${target} (no such file)`);
      continue;
    }
    if (anchor !== undefined && !headingIds(readFileSync(resolved, 'utf8')).has(anchor)) {
      problems.push(`${file}: ${target} (no such heading)`);
    }
  }
  return problems;
}

describe('the documentation', () => {
  it('gives headings the ids GitHub gives them', () => {
    const ids = headingIds('# Roles and the workflow\n## `bench:data`, S and L\n## Roles and the workflow\n');
    expect([...ids]).toEqual(['roles-and-the-workflow', 'benchdata-s-and-l', 'roles-and-the-workflow-1']);
  });

  it.each(docs)('%s links only to files and headings that exist', (file) => {
    expect(brokenLinks(file)).toEqual([]);
  });
});
