// Draws the import graph of the app by room (src-main/<folder>, the renderer): which room imports which, and how often.
// `npm run graph` prints it as a Mermaid diagram (docs/architecture.md embeds it; `-- --counts` adds the number of
// imports per arrow); `-- --dot` prints Graphviz DOT; `-- --files` lists the file-level edges instead. It reads import
// statements only (TypeScript's own pre-processor).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCES = ['src-main', 'src-renderer/src'];
const EXTENSIONS = ['.ts', '.tsx', '/index.ts'];

export interface ImportEdge {
  from: string;
  to: string;
  /** Only `import type` / `export type`: erased at build time. */
  typeOnly: boolean;
}

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  if (/\.\w+$/.test(base) && !/\.tsx?$/.test(base)) return undefined;
  for (const candidate of [base, ...EXTENSIONS.map((extension) => base + extension)]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

/** Whether every import clause of the statement at `position` is type-only. */
function isTypeOnly(source: ts.SourceFile, specifier: string): boolean {
  const statements = source.statements.filter(
    (statement): statement is ts.ImportDeclaration | ts.ExportDeclaration =>
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier !== undefined &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.moduleSpecifier.text === specifier,
  );
  return (
    statements.length > 0 &&
    statements.every((statement) => (ts.isImportDeclaration(statement) ? statement.importClause?.isTypeOnly === true : statement.isTypeOnly))
  );
}

/** Every relative import between the app's own files, as paths from the repository root. */
export function importEdges(root = ROOT): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const folder of SOURCES) {
    for (const file of sourceFiles(join(root, folder))) {
      const text = readFileSync(file, 'utf8');
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
      for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
        const target = resolveImport(file, imported.fileName);
        if (target) edges.push({ from: relative(root, file), to: relative(root, target), typeOnly: isTypeOnly(source, imported.fileName) });
      }
    }
  }
  return edges;
}

/** The room of a file: src-main/<folder>, src-main (main.ts), or renderer. */
export function roomOf(file: string): string {
  if (file.startsWith('src-renderer/')) return 'renderer';
  const parts = file.split('/');
  return parts.length > 2 ? parts[1]! : 'main';
}

/** Room-to-room edges with how many file imports each stands for (type-only ones counted apart). */
export function roomEdges(edges: readonly ImportEdge[]): { from: string; to: string; imports: number; typeOnly: number }[] {
  const byPair = new Map<string, { from: string; to: string; imports: number; typeOnly: number }>();
  for (const edge of edges) {
    const [from, to] = [roomOf(edge.from), roomOf(edge.to)];
    if (from === to) continue;
    const key = `${from}>${to}`;
    const entry = byPair.get(key) ?? { from, to, imports: 0, typeOnly: 0 };
    entry.imports += 1;
    if (edge.typeOnly) entry.typeOnly += 1;
    byPair.set(key, entry);
  }
  return [...byPair.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

function main(args: readonly string[]): void {
  const edges = importEdges();
  if (args.includes('--files')) {
    for (const edge of edges) console.log(`${edge.from} -> ${edge.to}${edge.typeOnly ? ' (type)' : ''}`);
    return;
  }
  const rooms = roomEdges(edges);
  const label = (edge: { imports: number; typeOnly: number }) => (edge.typeOnly === edge.imports ? `${edge.imports} type` : String(edge.imports));
  if (args.includes('--dot')) {
    console.log('digraph groepsbeeld {\n  rankdir=LR;');
    for (const edge of rooms)
      console.log(`  "${edge.from}" -> "${edge.to}" [label="${label(edge)}"${edge.typeOnly === edge.imports ? ', style=dashed' : ''}];`);
    console.log('}');
    return;
  }
  console.log(mermaid(rooms, args.includes('--counts')));
}

/** The room graph as a Mermaid flowchart: a dashed arrow where every import is type-only; counts only when asked. */
export function mermaid(rooms: ReturnType<typeof roomEdges>, counts = false): string {
  const lines = ['flowchart LR'];
  for (const edge of rooms) {
    const arrow = edge.typeOnly === edge.imports ? '-.->' : '-->';
    lines.push(`  ${edge.from} ${arrow}${counts ? `|${edge.imports}|` : ''} ${edge.to}`);
  }
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
