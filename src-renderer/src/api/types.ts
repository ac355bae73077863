// Renderer-side names for what window.api returns, all derived from its type so they cannot drift.
type Api = Window['api'];
type Verb = keyof Api;

/** What a verb's promise resolves to: { ok: true, value } or { ok: false, error }. */
export type ResultOf<V extends Verb> = Awaited<ReturnType<Api[V]>>;
export type ValueOf<V extends Verb> = Extract<ResultOf<V>, { ok: true }>['value'];

export type ApiError = Extract<ResultOf<'appInfo'>, { ok: false }>['error'];
export type ApiErrorCode = ApiError['code'];
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export type AppInfo = ValueOf<'appInfo'>;
export type EngineSecurity = ValueOf<'engineSecurity'>;
export type OpenedFile = ValueOf<'listFiles'>[number];
export type FileColumn = OpenedFile['columns'][number];
export type ColumnSummary = ValueOf<'columnSummary'>;
export type LinkReport = ValueOf<'linkHouseholds'>;
export type LinkingStatus = ValueOf<'linkingStatus'>;
export type FileProfile = ValueOf<'fileProfile'>;
export type ColumnProfile = FileProfile['columns'][number];
export type ProfileCount = ColumnProfile['missing'];
export type CheckedTable = ValueOf<'compareFeatures'>[number];
export type ExportPreview = ValueOf<'exportPreview'>;
export type ExportOutcome = ValueOf<'writeExport'>;
export type ProtectionMethod = Parameters<Window['api']['compareFeatures']>[0]['method'];
export type PublishedClustering = ValueOf<'clusterHouseholds'>;
export type ClusteringStatus = ValueOf<'clusteringStatus'>;
export type ClusteringOptions = ValueOf<'clusteringOptions'>;
export type ClusteringRequest = Parameters<Window['api']['clusterHouseholds']>[0];
export type PublishedProfiles = ValueOf<'clusterProfiles'>;
export type PersonaCard = PublishedProfiles['personas'][number];
export type ProfileLayout = Parameters<Window['api']['setProfileLayout']>[0];
export type OpenedStudy = ValueOf<'openStudy'>;
export type StudySettings = ValueOf<'studySettings'>;
export type FeatureListing = ValueOf<'featureCatalogue'>;
export type CatalogueFeature = FeatureListing['features'][number];
export type FeatureFile = FeatureListing['files'][number];
export type FeatureChange = ValueOf<'defineFeature'>;
export type FeatureDefinition = Parameters<Window['api']['defineFeature']>[0]['definition'];
