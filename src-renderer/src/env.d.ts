// Declares window.api and window.fileDrop, whose types are derived from the preload module (never copied here).
import type { FileDropBridge, GroepsbeeldApi } from '../../src-main/preload/api';

declare global {
  interface Window {
    readonly api: GroepsbeeldApi;
    readonly fileDrop: FileDropBridge;
  }
}

export {};
