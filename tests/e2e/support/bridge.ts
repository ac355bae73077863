// Test-only bridge: the built renderer in headless Chromium, with window.api forwarded to the real
// main-process handlers in this Node process (Playwright bindings; no server, no network). Never shipped.
import { readFile } from 'node:fs/promises';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { StudyEngine } from '../../../src-main/engine/study-engine';
import { dispatch } from '../../../src-main/ipc/dispatch';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { channelTable } from '../../../src-main/preload/api';
import { APP_ORIGIN } from '../../../src-main/security/app-origin';
import { contentTypeOf, resolveBundleFile } from '../../../src-main/security/bundle-files';
import { contentSecurityPolicy } from '../../../src-main/security/csp';
import { CHROMIUM_ARGS, findChromium } from './chromium';

/** Stands in for app://groepsbeeld (Chromium cannot load a custom scheme); secure like app://. */
export const BRIDGE_ORIGIN = 'https://groepsbeeld.invalid';
export const RENDERER_ROOT = join(import.meta.dirname, '..', '..', '..', 'out', 'renderer');

export interface AppUnderTest {
  page: Page;
  engine: StudyEngine;
  /** Every request the page made outside the bundle (all were aborted). */
  foreignRequests: string[];
  /** Calls that reached the handlers, by verb channel. */
  calls: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface BridgeOptions {
  /** What the "file dialog" returns when the renderer asks to open files. */
  pickFiles?: () => Promise<string[]>;
  /** Where the demo world is generated (a fresh temp folder by default). */
  demoFolder?: string;
  viewport?: { width: number; height: number };
  /** What the "folder dialog" returns when the renderer exports (null: the analyst cancels). */
  pickFolder?: () => Promise<string | null>;
  /** The app's data folder (export history); a fresh temp folder by default. */
  userData?: string;
  /** What the "save dialog" returns when the renderer saves a workspace (null: cancelled). */
  pickWorkspaceToSave?: () => Promise<string | null>;
  /** What the "open dialog" returns when the renderer opens or deletes a workspace (null: cancelled). */
  pickWorkspaceToOpen?: (purpose: 'open' | 'delete') => Promise<string | null>;
  /** What the "save dialog" returns when the renderer saves a study file (null: cancelled). */
  pickStudyToSave?: (suggestedName: string) => Promise<string | null>;
  /** What the "open dialog" returns when the renderer opens a study file (null: cancelled). */
  pickStudyToOpen?: () => Promise<string | null>;
  /** The analyst's answer in the main process's confirmation of dropped files (refused by default). */
  confirmDroppedFiles?: (paths: readonly string[]) => Promise<boolean>;
  /** Where dropped files live: the stand-in for the preload's webUtils gives `folder/name` as a dropped file's path. */
  dropFolder?: string;
}

/** Where screenshots go: GROEPSBEELD_SCREENSHOTS when set (to look at them after a run), else a fresh temp folder. */
export const screenshotFolder = process.env.GROEPSBEELD_SCREENSHOTS
  ? (mkdirSync(process.env.GROEPSBEELD_SCREENSHOTS, { recursive: true }), process.env.GROEPSBEELD_SCREENSHOTS)
  : mkdtempSync(join(tmpdir(), 'groepsbeeld-screens-'));

export async function launchApp(options: BridgeOptions = {}): Promise<AppUnderTest> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: the caller should have skipped.');
  const engine = await StudyEngine.create();
  const demoFolder = options.demoFolder ?? join(mkdtempSync(join(tmpdir(), 'groepsbeeld-e2e-demo-')), 'demo-world');
  const handlers = createHandlers({
    engine,
    pickFiles: options.pickFiles ?? (async () => []),
    demoFolder,
    pickFolder: options.pickFolder ?? (async () => null),
    pickWorkspaceToSave: options.pickWorkspaceToSave ?? (async () => null),
    pickWorkspaceToOpen: options.pickWorkspaceToOpen ?? (async () => null),
    pickStudyToSave: options.pickStudyToSave ?? (async () => null),
    pickStudyToOpen: options.pickStudyToOpen ?? (async () => null),
    confirmDroppedFiles: options.confirmDroppedFiles ?? (async () => false),
    userData: options.userData ?? mkdtempSync(join(tmpdir(), 'groepsbeeld-e2e-userdata-')),
  });
  const browser: Browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1366, height: 768 }, locale: 'nl-NL' });
  const foreignRequests: string[] = [];
  const calls: string[] = [];
  const policy = contentSecurityPolicy();

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const file = url.startsWith(`${BRIDGE_ORIGIN}/`) ? resolveBundleFile(APP_ORIGIN + url.slice(BRIDGE_ORIGIN.length), RENDERER_ROOT) : null;
    if (!file) {
      foreignRequests.push(url);
      return route.abort('blockedbyclient');
    }
    try {
      const body = await readFile(file);
      return route.fulfill({
        status: 200,
        body,
        headers: { 'Content-Type': contentTypeOf(file), 'Content-Security-Policy': policy, 'X-Content-Type-Options': 'nosniff' },
      });
    } catch {
      return route.fulfill({ status: 404, body: 'Not found' });
    }
  });

  const page = await context.newPage();
  await page.exposeBinding('__groepsbeeldInvoke', async (source, channel: unknown, payload: unknown) => {
    calls.push(String(channel));
    const trusted = source.frame === page.mainFrame() && source.frame.url().startsWith(`${BRIDGE_ORIGIN}/`);
    return dispatch(handlers, channel, payload, { trusted });
  });
  // Builds window.api like the preload does: one named verb per contract channel.
  await page.addInitScript((table: Record<string, string>) => {
    const invoke = (window as unknown as { __groepsbeeldInvoke: (channel: string, payload: unknown) => Promise<unknown> }).__groepsbeeldInvoke;
    const api = Object.fromEntries(Object.entries(table).map(([verb, channel]) => [verb, (request?: unknown) => invoke(channel, request)]));
    Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
  }, channelTable());
  // Builds window.fileDrop like the preload does; Chromium gives a page no file paths, so a dropped file's path is
  // its name in the test's drop folder (as Electron's webUtils would give the real one).
  await page.addInitScript((folder: string | null) => {
    const pathsOf = (files: readonly File[]) => (folder === null ? [] : files.map((file) => `${folder}/${file.name}`));
    Object.defineProperty(window, 'fileDrop', { value: Object.freeze({ pathsOf }), writable: false });
  }, options.dropFolder ?? null);
  await page.goto(`${BRIDGE_ORIGIN}/index.html`);

  return {
    page,
    engine,
    foreignRequests,
    calls,
    async screenshot(name) {
      const path = join(screenshotFolder, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    async close() {
      await browser.close();
      await engine.close();
    },
  };
}
