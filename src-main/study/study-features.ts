// The study's own features, as the feature screen changes them: the catalogue with each feature's state, a new
// definition checked against the opened file it reads, and a new link so the feature's table comes back through the
// publication (the one way out). A change that cannot be linked leaves the study as it was.
import { amountTableId } from '../analysis/amount-table';
import { comparisonTableId } from '../analysis/comparison-table';
import { catalogueListing, openedSource, type CatalogueListing, type FeatureFile } from '../catalogue/catalogue-listing';
import { checkDefinitionFile } from '../catalogue/feature-check';
import { FEATURE_SOURCE_KINDS, type FeatureDefinition, type FeatureDefinitionInput } from '../catalogue/feature-definition-shapes';
import { studyCatalogue } from '../catalogue/study-catalogue';
import { UserFacingError } from '../common/errors';
import type { CheckedTable } from '../disclosure/checked-table';
import type { ProtectionMethod } from '../disclosure/disclosure-shapes';
import { isKeyColumnName } from '../engine/column-kinds';
import type { StudyEngine } from '../engine/study-engine';
import type { LinkRequest } from '../linking/linking-shapes';
import type { FeatureChange } from './study-shapes';

/** What the features need of the study session: its last link, a new link, and its published comparisons. */
export interface FeatureLinks {
  linkedTarget(): LinkRequest | null;
  linkedFeatureIds(): Set<string>;
  link(target: LinkRequest): Promise<unknown>;
  comparisons(method: ProtectionMethod): Promise<CheckedTable[]>;
}

export class StudyFeatures {
  private own: readonly FeatureDefinition[] = [];

  constructor(
    private readonly engine: StudyEngine,
    private readonly links: FeatureLinks,
  ) {}

  /** The study's own definitions, in the order they were made. */
  definitions(): readonly FeatureDefinition[] {
    return this.own;
  }

  /** Another study's features (its `features` section, already checked by the study file's schema). */
  replace(definitions: readonly FeatureDefinition[]): void {
    this.own = [...definitions];
  }

  private async files(): Promise<FeatureFile[]> {
    return (await this.engine.listFiles()).map((file) => ({
      name: file.name,
      tableKind: file.tableKind,
      sourceKind: FEATURE_SOURCE_KINDS.find((kind) => kind === file.tableKind) ?? null,
      columns: file.columns.map((column) => column.name),
      keyColumns: file.columns.filter((column) => column.kind === 'key' || isKeyColumnName(column.name)).map((column) => column.name),
      roles: Object.fromEntries(Object.entries(file.roles).filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
    }));
  }

  /** The catalogue of this study with each feature's state, and the opened files a new feature can read. */
  async listing(): Promise<CatalogueListing> {
    return catalogueListing(studyCatalogue(this.own), await this.files(), this.links.linkedFeatureIds());
  }

  /** Adds (or replaces) one of the study's own features; when the study is linked, it is linked again. */
  async define(input: FeatureDefinitionInput): Promise<FeatureChange> {
    const catalogue = studyCatalogue([...this.own.filter((feature) => feature.id !== input.id), input], 'Het nieuwe kenmerk');
    const entry = catalogue.find((candidate) => candidate.definition.id === input.id && !candidate.builtIn);
    if (!entry) throw new UserFacingError(`Het kenmerk "${String(input.id)}" kon niet worden toegevoegd.`);
    checkDefinitionFile(entry.definition, openedSource(entry, await this.files()));
    const own = catalogue.filter((candidate) => !candidate.builtIn).map((candidate) => candidate.definition);
    return this.change(own, entry.definition);
  }

  /** Leaves one of the study's own features out (a built-in one it replaced comes back); linked again when linked. */
  async remove(id: string): Promise<FeatureChange> {
    if (!this.own.some((feature) => feature.id === id)) throw new UserFacingError(`De studie heeft geen eigen kenmerk "${id}".`);
    return this.change(
      this.own.filter((feature) => feature.id !== id),
      null,
    );
  }

  /** Links again with other features; when that fails or is stopped, the features and the link before come back. */
  private async change(next: readonly FeatureDefinition[], shown: FeatureDefinition | null): Promise<FeatureChange> {
    const previous = this.own;
    const target = this.links.linkedTarget();
    this.own = next;
    if (!target) return { listing: await this.listing(), preview: null, relinked: false };
    try {
      await this.links.link(target);
    } catch (error) {
      this.own = previous;
      await this.links.link(target).catch(() => undefined);
      throw error;
    }
    const tableId = shown ? (shown.coding.type === 'amount' ? amountTableId(shown.id) : comparisonTableId(shown.id)) : null;
    const preview = tableId ? ((await this.links.comparisons('suppression')).find((table) => table.id === tableId) ?? null) : null;
    return { listing: await this.listing(), preview, relinked: true };
  }
}
