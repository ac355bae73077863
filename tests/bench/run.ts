// `npm run bench`: every benchmark suite, each figure next to a baseline measured in the same run.
import { benchEngine } from './engine.bench';
import { benchLinking } from './linking.bench';
import { printTimings } from './measure';
import { benchPublication } from './publication.bench';
import { benchSav } from './sav.bench';
import { benchSynthetic } from './synthetic.bench';
import { benchWorkspace } from './workspace.bench';

console.log(`Groepsbeeld benchmarks, ${new Date().toISOString()}`);
printTimings('Foundation: what the protections cost', await benchEngine());
printTimings('Synthetic extracts: generation', await benchSynthetic());
printTimings('.sav reader: streaming SPSS system files', await benchSav());
printTimings('Linking: the analysis table at the reference date', await benchLinking());
printTimings('k-means: ours against ml-kmeans and scikit-learn on the same blobs', await (await import('./clustering.bench')).benchClustering());
printTimings('Workspace: encrypted save and reload of the opened files', await benchWorkspace());
printTimings('Disclosure control: protecting the publication and auditing the package', await benchPublication());
