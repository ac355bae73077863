// The study file behind IPC: save the app's study (open files with their kinds and roles, date, municipality,
// clustering settings, profile layout and persona texts) and open one, both through the main process's own dialogs.
import { basename } from 'node:path';
import type { ClusteringRequest } from '../analysis/clustering-service/cluster-features';
import { institutionRulesSource } from '../disclosure/institution-rules';
import { stricterOnly } from '../disclosure/rule-floor';
import { loadRuleSet, type RuleSet } from '../disclosure/rule-set';
import type { StudyEngine } from '../engine/study-engine';
import type { StudySession } from '../study/study-session';
import { UserFacingError } from '../common/errors';
import { LINK_COLUMNS } from '../linking/input-columns';
import { isReadByFeatures } from '../catalogue/feature-columns';
import { INPUT_KINDS, loadStudyFile, type InputKind, type Study, type StudyClustering, type StudyInput } from '../linking/study-file';
import { writeStudyFile } from '../linking/study-file-write';
import type { OpenedStudy, SavedStudy, StudySettings } from '../study/study-shapes';

export interface StudyFileDialogs {
  /** Where to save the study (the main process's save dialog, which asks before replacing); null when cancelled. */
  pickStudyToSave: (suggestedName: string) => Promise<string | null>;
  /** Which study file to open (the main process's open dialog); null when cancelled. */
  pickStudyToOpen: () => Promise<string | null>;
}

export interface StudyFileSources {
  engine: StudyEngine;
  /** The study session: its link, clustering, profile edits and recodes go into the file; an opened file starts it anew. */
  study: StudySession;
  /** The app's data folder, where the institution's rules live (named when a study's rule set is refused). */
  userData: string;
}

function isInputKind(kind: string): kind is InputKind {
  return (INPUT_KINDS as readonly string[]).includes(kind);
}

/** The roles linking reads for this kind, as the analyst set them on the Data page. */
function linkRoles(kind: InputKind, roles: Partial<Record<string, string>>): StudyInput['roles'] {
  const known = LINK_COLUMNS[kind] as Record<string, string>;
  return Object.fromEntries(Object.entries(roles).filter((entry): entry is [string, string] => entry[0] in known && typeof entry[1] === 'string'));
}

function clusteringSection(settings: ClusteringRequest & { k: number }, previous: StudyClustering | undefined): StudyClustering {
  return {
    features: settings.features.map(({ id, weight }) => ({ id, weight })),
    algorithm: settings.algorithm,
    kRange: settings.kRange,
    resamples: settings.resamples,
    seed: settings.seed,
    k: settings.k,
    ...(previous?.reference ? { reference: previous.reference } : {}),
  };
}

export class StudyFileVerbs {
  /** The study last opened or saved: its sections the app does not edit (rule set, export choices) are kept. */
  private current: Study | null = null;

  constructor(
    private readonly sources: StudyFileSources,
    private readonly dialogs: StudyFileDialogs,
  ) {}

  /** The study as the app holds it now; refuses (saying what to do) when something a study needs is missing. */
  private async recipe(name: string): Promise<Study> {
    const linked = this.sources.study.linkedTarget();
    if (!linked) throw new UserFacingError('Koppel eerst de bestanden op de pagina Populatie: het studiebestand legt de peildatum en de gemeente vast.');
    const files = await this.sources.engine.withFiles(async (_session, entries) =>
      entries.map((entry) => ({ path: entry.path, name: entry.name, format: entry.format, kind: entry.proposal.kind, roles: entry.proposal.roles })),
    );
    const fromWorkspace = files.filter((file) => file.format === 'workspace');
    if (fromWorkspace.length > 0) {
      throw new UserFacingError(
        `${fromWorkspace[0]?.name} komt uit een werkruimte en heeft geen eigen bestand; ` +
          'een studiebestand verwijst naar de oorspronkelijke bestanden. Open die, of bewaar de werkruimte.',
      );
    }
    const features = this.sources.study.features.definitions();
    // A table of unknown kind belongs to the study only when one of its features reads it.
    const inputs = files.flatMap((file): StudyInput[] =>
      isInputKind(file.kind) && (file.kind !== 'unknown' || isReadByFeatures(features, file.name))
        ? [{ path: file.path, kind: file.kind, roles: linkRoles(file.kind, file.roles) }]
        : [],
    );
    const clustering: (ClusteringRequest & { k: number }) | null = this.sources.study.clustering.chosenRun()?.settings ?? null;
    const profiles = this.sources.study.profiles.settings();
    const recodes = this.sources.study.studyRecodes();
    const previous = this.current;
    return {
      ...(previous ?? {}),
      version: 1,
      name,
      referenceDate: linked.referenceDate,
      referenceMoment: linked.referenceMoment ?? 'referenceDate',
      municipality: {
        code: linked.municipality,
        ...(previous?.municipality.code === linked.municipality && previous.municipality.name ? { name: previous.municipality.name } : {}),
      },
      openEndDate: previous?.openEndDate ?? '20501231',
      inputs,
      ...(clustering ? { clustering: clusteringSection(clustering, previous?.clustering) } : {}),
      ...(Object.keys(profiles).length > 0 ? { profiles } : {}),
      ...(Object.keys(recodes).length > 0 ? { publication: { ...previous?.publication, recodes } } : {}),
      ...(features.length > 0 ? { features: [...features] } : { features: undefined }),
    };
  }

  async save(name: string): Promise<SavedStudy> {
    const study = await this.recipe(name);
    const path = await this.dialogs.pickStudyToSave(name);
    if (path === null) return { status: 'cancelled' };
    await writeStudyFile(path, study);
    this.current = study;
    return { status: 'saved', file: basename(path), inputs: study.inputs.length };
  }

  /**
   * Opens a study: checks the file and that every input exists, then closes the open files and opens the
   * study's, with their kinds and roles; the profile layout and persona texts wait for the next clustering.
   */
  /**
   * The rules the study runs under: the institution's, or the study's own rule set where that is nowhere weaker. A
   * weaker one is refused before any file is closed, as `groepsbeeld run` refuses it.
   */
  private async studyRules(study: Study): Promise<RuleSet> {
    const floor = this.sources.study.floorRules;
    if (study.ruleSet === undefined) return floor;
    const result = stricterOnly(floor, await loadRuleSet(study.ruleSet), study.ruleSet, await institutionRulesSource(this.sources.userData));
    if (!result.ok) throw new UserFacingError(`De studie ${study.name} is niet geopend. ${result.message}`);
    return result.rules;
  }

  async open(): Promise<OpenedStudy> {
    const path = await this.dialogs.pickStudyToOpen();
    if (path === null) return { status: 'cancelled' };
    const study = await loadStudyFile(path);
    const rules = await this.studyRules(study);
    const { engine } = this.sources;
    await engine.closeAllFiles();
    let opened;
    try {
      opened = await engine.openFiles(study.inputs.map((input) => input.path));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new UserFacingError(`De studie ${study.name} kon niet worden geopend; er zijn nu geen bestanden open. ${message}`);
    }
    const notes: string[] = [];
    // The engine was empty, so the open files are the study's inputs, in their order.
    for (const [index, input] of study.inputs.entries()) {
      const file = opened[index];
      if (!file || file.name !== basename(input.path)) continue;
      if (file.tableKind !== input.kind) await engine.setTableKind(file.id, input.kind);
      for (const [role, column] of Object.entries(input.roles ?? {})) {
        if (typeof column !== 'string') continue;
        try {
          await engine.setColumnRole(file.id, column, role as Parameters<StudyEngine['setColumnRole']>[2]);
        } catch (error) {
          notes.push(`${file.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    this.current = study;
    this.sources.study.startStudy(study, rules);
    return {
      status: 'opened',
      name: study.name,
      files: await engine.listFiles(),
      referenceDate: study.referenceDate,
      municipality: study.municipality.code,
      referenceMoment: study.referenceMoment,
      notes,
    };
  }

  /** What the pages prefill from the opened study (date, municipality, clustering settings); null before one is opened or saved. */
  settings(): StudySettings {
    const study = this.current;
    if (!study) return null;
    const clustering = study.clustering;
    return {
      name: study.name,
      referenceDate: study.referenceDate,
      municipality: study.municipality.code,
      referenceMoment: study.referenceMoment,
      clustering: clustering
        ? {
            ...(clustering.features ? { features: clustering.features.map(({ id, weight }) => ({ id, weight: weight ?? 1 })) } : {}),
            ...(clustering.algorithm ? { algorithm: clustering.algorithm } : {}),
            ...(clustering.kRange ? { kRange: clustering.kRange } : {}),
            ...(clustering.k === undefined ? {} : { k: clustering.k }),
          }
        : null,
    };
  }
}
