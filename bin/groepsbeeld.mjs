#!/usr/bin/env node
// Command-line entry: runs the TypeScript core directly (tsx), so it works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src-main/cli/index.ts');
try {
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    errIsTerminal: process.stderr.isTTY === true,
  });
} catch (error) {
  process.stderr.write(`groepsbeeld: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
