// The output checker's attacks on the demo's export package, read as a reader gets it. Each attack must recover
// nothing: no hidden client cell pinned to an interval narrower than 10, no group of 1 to 9 households counted, no
// status word that tells the small hidden cells from the others.
//
// TODAY (package of `groepsbeeld demo --out`, commit 6ad6cc3) every attack below fails; what each recovers:
// - shares (what-stands-out "… % van alle klanten", cluster table "Alle klanten"): Type huishouden / Ongehuwd paar met
//   kinderen = 32..33, Overig huishouden = 3..4; Type uitkering / WW = 38..39, Overige uitkering = 4..5;
//   Belangrijkste inkomensbron / Werkloosheidsuitkering = 38..39, Zelfstandige, Overige sociale uitkering and
//   Pensioen each 0..9; Woning / Huur met huurtoeslag = 127..130, Onbekend = 1..4.
// - composition ("Paar 50 %" of all clients = household types 2-5): Ongehuwd paar met kinderen = 31..32,
//   Overig huishouden = 4..5.
// - v-test and p-value inversion (p at full precision in the XLSX): Ongehuwd paar met kinderen = 32, Overig
//   huishouden = 4; WW = 39, Overige uitkering = 4; income source Werkloosheidsuitkering = 39, Zelfstandige,
//   Overige sociale uitkering and Pensioen 0..8; Huur met huurtoeslag = 130, Woning / Onbekend = 1.
// - nesting (benefit type = sums of income sources): Zelfstandige = 0..4, Pensioen = 0..4.
// - all together: Ongehuwd paar met kinderen = 32, Overig huishouden = 4, WW = 39, Overige uitkering = 4,
//   Werkloosheidsuitkering = 39, Overige sociale uitkering = 4, Zelfstandige = 0..4, Pensioen = 0..4,
//   Huur met huurtoeslag = 130, Woning / Onbekend = 1.
// - cluster shares (N <= 100): 29 groups of 1 to 9 households, 28 of them exact, e.g. Cluster 3 / Kinderen / not
//   "Zonder kinderen" = 1, Cluster 5 / Samenstelling huishouden / not "Paar" = 1, Cluster 1 / Leeftijd
//   referentiepersoon / not "25 tot 45 jaar" = 2, Cluster 2 / Samenstelling / not "Paar" = 3, Cluster 3 / Type
//   uitkering / not "Bijstand" = 9, Cluster 1 / Woning / not "Huur met huurtoeslag" = 1..4.
// - link report: Klanten zonder adres of huishouden op de peildatum = 3 (274 - 214 - 57).
// - status words: four marks ("geblokkeerd: minder dan 10 eenheden" and "secundair onderdrukt", with the sheets'
//   status codes "x", "x s", "s"), so each row with a primary cell (8 in the comparison tables, 3 in the link
//   report; 35 hidden cells in all) is known to hold a count below 10.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../../support/temp-folder';
import { clientFigures, traits } from './client-figures';
import { clusterShareAttack } from './cluster-share-attack';
import { comparisonModels } from './comparison-models';
import { differencingAttack } from './differencing-attack';
import { IntegerSystem } from './integer-system';
import { jointAttack } from './joint-attack';
import { linkReportAttack } from './link-report-attack';
import { nestingAttack } from './nesting-attack';
import { describeRecoveries, isNarrow, type Recovery } from './recoveries';
import { compositionAttack, shareAttack } from './share-attacks';
import { statusWordAttack } from './status-word-attack';
import { testInversionAttack } from './test-inversion-attack';
import { groepsbeeld, packageFolder } from '../../support/cli-runs';
import { parseTable, readPackage, type Package } from './package-reader';

const narrow = (recoveries: readonly Recovery[]) => describeRecoveries(recoveries.filter(isNarrow));

describe('the demo export package, attacked as a reader would', () => {
  let pkg: Package;

  beforeAll(async () => {
    const root = await tempFolder('groepsbeeld-attacks-');
    // The app-data folder (export history, rules) is the test's own: XDG_CONFIG_HOME is set for the run.
    const run = await groepsbeeld(join(root, 'config'), 'demo', '--folder', join(root, 'world'), '--out', join(root, 'export'));
    if (run.code !== 0) throw new Error(`groepsbeeld demo --out failed (${run.code}): ${run.stderr}`);
    pkg = await readPackage((await packageFolder(join(root, 'export')))!);
  }, 300_000);

  it('is read: the comparison tables, the cluster table and what stands out are found where the attacks look', () => {
    const models = comparisonModels(pkg, new IntegerSystem());
    expect(models.size).toBeGreaterThanOrEqual(10);
    expect(pkg.tables.has('koppelrapport')).toBe(true);
    expect([...pkg.tables.keys()].some((name) => /^clusterprofiel-k\d+$/.test(name))).toBe(true);
    expect(traits(pkg).length).toBeGreaterThan(10);
    expect(clientFigures(pkg).length).toBeGreaterThan(10);
  });

  it('gives no hidden cell away through shares of the same category published elsewhere', () => {
    expect(narrow(shareAttack(pkg))).toEqual([]);
  });

  it('gives no hidden cell away through coarser categories ("Paar" = household types 2 to 5)', () => {
    expect(narrow(compositionAttack(pkg))).toEqual([]);
  });

  it('gives no hidden cell away through the v-tests and p-values of what stands out', () => {
    expect(narrow(testInversionAttack(pkg))).toEqual([]);
  });

  it('gives no hidden cell away through features whose categories nest', () => {
    expect(narrow(nestingAttack(pkg))).toEqual([]);
  });

  it('gives no hidden cell away through everything together', () => {
    expect(narrow(jointAttack(pkg))).toEqual([]);
  });

  it('counts no group of 1 to 9 households through cluster shares', () => {
    expect(describeRecoveries(clusterShareAttack(pkg))).toEqual([]);
  });

  it('gives no blocked link-report count away by the report adding up', () => {
    expect(narrow(linkReportAttack(pkg))).toEqual([]);
  });

  it('marks every hidden cell the same way, so the small ones are not told from the others', () => {
    const { markers, recoveries } = statusWordAttack(pkg);
    expect(markers.length, `marks used: ${markers.join(' | ')}`).toBeLessThanOrEqual(1);
    expect(describeRecoveries(recoveries)).toEqual([]);
  });
});

// The attacks themselves, on hand-made tables in the coming format (a "#" line first, every hidden cell "x", shares
// with one decimal, counts beside shares, "Overig of onbekend", p-values "< 0,001"): each recovers what it should,
// so a passing test above means the package is safe, not that an attack went blind.
function handMade(tables: Record<string, string>): Package {
  return {
    folder: '(hand-made)',
    files: Object.keys(tables).map((name) => `${name}.csv`),
    tables: new Map(Object.entries(tables).map(([name, csv]) => [name, parseTable(name, csv)])),
  };
}

const COMMENT = '# Drempel 10; beschermingsniveau 10; verborgen cellen: x';
const HOUSEHOLD_TYPE = `\uFEFF${COMMENT}
Type huishouden;Klanthuishoudens (aantal);Klanthuishoudens (%);Alle huishoudens (aantal);Alle huishoudens (%);Verschil (procentpunten);Residu
Eenpersoonshuishouden;62;32,5;3300;29,1;3,4;2,2
Ongehuwd paar zonder kinderen;11;5,8;880;7,8;-2,0;-0,6
Gehuwd paar zonder kinderen;20;10,5;2212;19,5;-9,0;-2,6
Ongehuwd paar met kinderen;x;x;823;7,3;x;x
Gehuwd paar met kinderen;33;17,3;3008;26,5;-9,2;-2,1
Eenouderhuishouden;29;15,2;850;7,5;7,7;4,8
Overig of onbekend;x;x;273;2,4;x;x
Totaal;191;100,0;11346;100,0;–;–
`;
const STANDS_OUT_HEADER = 'Kenmerk;In dit cluster (aantal);In dit cluster;Alle klanten (aantal);Alle klanten;v-test;p-waarde';
const OPMK = 'Ongehuwd paar met kinderen (type huishouden) komt in dit cluster vaker voor';

describe('the attacks, on hand-made tables in the coming format', () => {
  it('shares: "16,8 % van alle klanten" of 191 pins the hidden cell and the table gives the other', () => {
    const pkg = handMade({
      'vergelijking-household-type': HOUSEHOLD_TYPE,
      'clusterprofiel-opvallend-5-4': `${COMMENT}\n${STANDS_OUT_HEADER}\n${OPMK}: 47,8 % tegen 16,8 % van alle klanten.;11;47,8 %;x;16,8 %;3,6;< 0,001\n`,
      'clusterprofiel-k5': `Kenmerk;Cluster 4 (N = 23);Alle klanten (N = 191)\nAantal huishoudens;23;191\n`,
    });
    expect(narrow(shareAttack(pkg))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Type huishouden \/ Ongehuwd paar met kinderen \/ klanten = 32 /),
        expect.stringMatching(/^Type huishouden \/ Overig of onbekend \/ klanten = 4 /),
      ]),
    );
  });

  it('composition: "Paar 50,3 %" of all clients is household types 2 to 5', () => {
    const pkg = handMade({
      'vergelijking-household-type': HOUSEHOLD_TYPE.replace('Overig of onbekend', 'Overig huishouden'),
      'clusterprofiel-k5': `${COMMENT}\nKenmerk;Cluster 1 (N = x);Alle klanten (N = 191)\nSamenstelling huishouden;x;Paar 50,3 %\n`,
    });
    expect(narrow(compositionAttack(pkg))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Type huishouden \/ Ongehuwd paar met kinderen \/ klanten = 3[12]/)]),
    );
  });

  it('v-test inversion: v-tests with one decimal in two clusters pin the count even with every share hidden', () => {
    const pkg = handMade({
      'vergelijking-household-type': HOUSEHOLD_TYPE.replace('Overig of onbekend', 'Overig huishouden'),
      'clusterprofiel-k5': `Kenmerk;Cluster 4 (N = 23);Cluster 5 (N = 35);Alle klanten (N = 191)\n`,
      'clusterprofiel-opvallend-5-4': `${STANDS_OUT_HEADER}\n${OPMK}: 48 % tegen x van alle klanten.;11;47,8 %;x;x;3,6;< 0,001\n`,
      'clusterprofiel-opvallend-5-5': `${STANDS_OUT_HEADER}\n${OPMK}: 46 % tegen x van alle klanten.;16;45,7 %;x;x;4,4;< 0,001\n`,
    });
    expect(narrow(testInversionAttack(pkg))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Type huishouden \/ Ongehuwd paar met kinderen \/ klanten = 32 /),
        expect.stringMatching(/^Type huishouden \/ Overig huishouden \/ klanten = 4 /),
      ]),
    );
  });

  it('nesting: the benefit type is a sum of income sources, checked on all households first', () => {
    const header = (feature: string) => `${COMMENT}\n${feature};Klanthuishoudens (aantal);Klanthuishoudens (%);Alle huishoudens (aantal);Alle huishoudens (%)`;
    const pkg = handMade({
      'vergelijking-benefit-type':
        `${header('Type uitkering')}\nGeen uitkering;40;20,9;10123;89,2\nWerkloosheidsuitkering (WW);x;x;218;1,9\n` +
        `Arbeidsongeschiktheidsuitkering;27;14,1;428;3,8\nBijstand;81;42,4;476;4,2\nOverige uitkering;x;x;101;0,9\nTotaal;191;100,0;11346;100,0\n`,
      'vergelijking-income-source':
        `${header('Belangrijkste inkomensbron')}\nLoon;36;18,8;7313;64,5\nDirecteur-grootaandeelhouder;0;0,0;187;1,7\nZelfstandige;x;x;628;5,5\n` +
        `Werkloosheidsuitkering;x;x;218;1,9\nBijstand;81;42,4;476;4,2\nOverige sociale uitkering;x;x;101;0,9\n` +
        `Ziekte- of arbeidsongeschiktheidsuitkering;27;14,1;428;3,8\nPensioen;x;x;1780;15,7\nStudiefinanciering;0;0,0;106;0,9\n` +
        `Vermogen;0;0,0;109;1,0\nTotaal;191;100,0;11346;100,0\n`,
    });
    expect(narrow(nestingAttack(pkg))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Belangrijkste inkomensbron \/ Zelfstandige \/ klanten = 0\.\.4 /),
        expect.stringMatching(/^Belangrijkste inkomensbron \/ Pensioen \/ klanten = 0\.\.4 /),
      ]),
    );
  });

  it('cluster shares: "Paar 91 %" of 35 leaves 3 households that are not a couple', () => {
    const pkg = handMade({ 'clusterprofiel-k5': `${COMMENT}\nKenmerk;Cluster 2 (N = 35)\nSamenstelling huishouden;Paar 91 %\n` });
    expect(describeRecoveries(clusterShareAttack(pkg))).toEqual([expect.stringMatching(/^Cluster 2 \/ Samenstelling huishouden \/ niet Paar = 3 /)]);
  });

  it('link report: the client steps add up', () => {
    const pkg = handMade({
      koppelrapport:
        `${COMMENT}\nStap;Aantal\nKlantenbestand: Klanten met een periode op de peildatum;274\n` +
        `Klantenbestand: Klanten die op de peildatum in de gemeente wonen;214\nKlantenbestand: Klanten die op de peildatum elders wonen;57\n` +
        `Klantenbestand: Klanten zonder adres of huishouden op de peildatum;x\n`,
    });
    expect(narrow(linkReportAttack(pkg))).toEqual([expect.stringMatching(/Klanten zonder adres of huishouden op de peildatum = 3 /)]);
  });

  it('status words: two words for hidden cells tell the small ones apart; one "x" for all tells nothing', () => {
    const mixed = handMade({
      'vergelijking-household-type': HOUSEHOLD_TYPE.replace(
        'Overig of onbekend;x;x',
        'Overig of onbekend;geblokkeerd: minder dan 10 eenheden;secundair onderdrukt',
      ),
    });
    expect(statusWordAttack(mixed).markers.length).toBe(3);
    expect(statusWordAttack(mixed).recoveries.map((r) => r.cell)).toEqual(['vergelijking-household-type / Overig of onbekend / Klanthuishoudens (aantal)']);
    expect(statusWordAttack(handMade({ 'vergelijking-household-type': HOUSEHOLD_TYPE }))).toEqual({ markers: ['x'], recoveries: [] });
  });

  it('across exports: one household fewer gives its category and (from the means) its income', () => {
    const table = (clients: number, single: number, mean: string) =>
      handMade({
        'vergelijking-household-type':
          `Type huishouden;Klanthuishoudens (aantal);Alle huishoudens (aantal)\n` +
          `Eenpersoonshuishouden;${single};3300\nAnders;129;8046\nTotaal;${clients};11346\n`,
        'bedragen-disposable-income': `Groep;Met bekende waarde;Gemiddelde\nKlanthuishoudens;${clients - 1};${mean}\nAlle huishoudens;11077;41782\n`,
      });
    const recovered = describeRecoveries(differencingAttack(table(191, 62, '16741,1'), table(190, 61, '16755,0')));
    expect(recovered).toEqual([
      expect.stringMatching(/^Type huishouden \/ Eenpersoonshuishouden \/ klanten, verschil = 1 /),
      expect.stringMatching(/^bedragen-disposable-income \/ Klanthuishoudens \/ som van 1 huishouden\(s\) = 14095\.\.14133 /),
    ]);
  });
});
