// The seven pages of the workflow, in the order the analyst goes through them.
export const pageIds = ['data', 'populatie', 'kenmerken', 'vergelijking', 'clusters', 'profielen', 'export'] as const;
export type PageId = (typeof pageIds)[number];
