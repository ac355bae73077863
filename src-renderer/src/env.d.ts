// Declares window.api, whose type is derived from the preload module (never copied here).
import type { GroepsbeeldApi } from '../../src-main/preload/api';

declare global {
  interface Window {
    readonly api: GroepsbeeldApi;
  }
}

export {};
