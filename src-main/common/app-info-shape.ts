// What the app reports about itself and what it runs on (doctor, the status bar, the output log). Neutral (no Node).
import { z } from 'zod';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  duckdb: z.string(),
  node: z.string(),
  electron: z.string().nullable(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
