// Finds a Chromium for the browser tests (Debian's by default); the tests skip, saying so, where there is none.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string | undefined {
  const fromEnvironment = process.env.GROEPSBEELD_CHROMIUM;
  if (fromEnvironment) return existsSync(fromEnvironment) ? fromEnvironment : undefined;
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

/** CI sets GROEPSBEELD_REQUIRE_CHROMIUM=1: there a missing browser is a failure, not a skip. */
export function assertChromiumUnlessOptional(): void {
  if (process.env.GROEPSBEELD_REQUIRE_CHROMIUM === '1' && !findChromium()) {
    throw new Error(`GROEPSBEELD_REQUIRE_CHROMIUM=1 but no Chromium was found. ${NO_CHROMIUM_MESSAGE}`);
  }
}

export const NO_CHROMIUM_MESSAGE =
  'Browser tests skipped: no Chromium found (looked at GROEPSBEELD_CHROMIUM and /usr/bin/chromium). ' +
  'Install one with `apt-get install chromium`; .ci/run does this so CI always runs them.';

/** Flags for a headless Chromium that never talks to the network on its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  // As the app does: Chromium's own controls (the date field) in Dutch.
  '--lang=nl-NL',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
