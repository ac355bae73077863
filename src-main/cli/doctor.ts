// `groepsbeeld doctor`: the engine's effective security settings, active lockdown probes, and versions.
import { appInfo } from '../common/app-info';
import { probeLockdown, type ProbeName, type ProbeOutcome } from '../engine/lockdown-probes';
import { readDuckDbVersion } from '../engine/security-settings';
import { StudyEngine } from '../engine/study-engine';
import type { AppInfo } from '../common/app-info-shape';
import type { EngineSecurity } from '../engine/engine-shapes';

export interface DoctorReport {
  app: AppInfo;
  engine: EngineSecurity;
  probes: Record<ProbeName, ProbeOutcome>;
  /** Each line names one protection that is not in force; empty when all hold. */
  problems: string[];
  secure: boolean;
}

export function problemsOf(engine: EngineSecurity, probes: Record<ProbeName, ProbeOutcome>): string[] {
  const problems: string[] = [];
  if (engine.autoinstallKnownExtensions) problems.push('DuckDB mag extensies automatisch installeren.');
  if (engine.autoloadKnownExtensions) problems.push('DuckDB mag extensies automatisch laden.');
  if (engine.enableExternalAccess) problems.push('Externe toegang van DuckDB staat aan.');
  if (!engine.lockConfiguration) problems.push('De configuratie van DuckDB is niet vergrendeld.');
  for (const [name, outcome] of Object.entries(probes)) {
    if (outcome !== 'refused') problems.push(`Blokkadetest ${name} is niet geweigerd (${outcome}).`);
  }
  return problems;
}

export async function runDoctor(): Promise<DoctorReport> {
  const engine = await StudyEngine.create();
  try {
    const security = await engine.security();
    const [version, probes] = await engine.withSession(async (session) => [await readDuckDbVersion(session), await probeLockdown(session)] as const);
    const problems = problemsOf(security, probes);
    return { app: appInfo(version), engine: security, probes, problems, secure: problems.length === 0 };
  } finally {
    await engine.close();
  }
}
