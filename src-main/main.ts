// Electron entry point: only starts the app; everything else lives in small setup modules.
import { dirname } from 'node:path';
import { startApp } from './app/start';

startApp({ outDirectory: dirname(import.meta.dirname), devServerUrl: process.env.ELECTRON_RENDERER_URL }).catch((error: unknown) => {
  console.error('Groepsbeeld could not start:', error);
  process.exit(1);
});
