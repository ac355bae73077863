// The k-means wing's one door: the rest of the app and the bench import k-means from here, never its parts (seeding,
// Hamerly iterations, the WebAssembly distance kernel, the shared-memory workspace, the helper-thread team).
export { kmeans, type KMeansOptions, type KMeansProgress, type KMeansResult } from './kmeans';
export { kmeansParallel, type ParallelKMeansOptions } from './parallel';
export { KMeansTeam } from './team';
export { simdAvailable } from './distance';
export { squaredDistance } from './state';
