// What the differencing guard says to the analyst, in Dutch: which new output and population, which earlier export,
// why (never the small number itself, only "fewer than the threshold"), and how to justify an exception, which then
// goes into the output log for the output checker.
import type { DifferencingFinding } from './differencing-findings';

/**
 * A justification must be a real text: at least 80 characters and 12 words (a word has two or more letters), of
 * which at least 8 different ones, so that "ok", a row of dots or one word repeated do not pass; at most 4000
 * characters (what a study file and the IPC contract accept).
 */
export const JUSTIFICATION_RULE = { minCharacters: 80, minWords: 12, minDistinctWords: 8, maxCharacters: 4000 } as const;

/** Output ids as the analyst sees them (titles), when the caller knows them. */
export type OutputTitles = (outputId: string) => string | undefined;

function quoted(text: string): string {
  return `"${text}"`;
}

function outputsText(outputIds: readonly string[], titles?: OutputTitles): string {
  const names = outputIds.map((id) => quoted(titles?.(id) ?? id));
  if (names.length === 0) return '';
  if (names.length === 1) return ` (uitvoer ${names[0]})`;
  return ` (uitvoer ${names.slice(0, -1).join(', ')} en ${names.at(-1)})`;
}

function two(value: number): string {
  return String(value).padStart(2, '0');
}

/** An ISO timestamp as the analyst's local date and time, e.g. 03-12-2025 om 10:52. */
export function exportDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${two(date.getDate())}-${two(date.getMonth() + 1)}-${date.getFullYear()} om ${two(date.getHours())}:${two(date.getMinutes())}`;
}

function earlierText(finding: DifferencingFinding): string {
  const { export: earlier, label } = finding.earlier;
  return (
    `de populatie ${quoted(label)} in de eerdere export ${quoted(earlier.title)} ` +
    `(studie ${quoted(earlier.studyName)}, geëxporteerd op ${exportDate(earlier.exportedAt)})`
  );
}

/** One finding in the analyst's words. */
export function describeFinding(finding: DifferencingFinding, titles?: OutputTitles): string {
  const candidate = `De populatie ${quoted(finding.candidate.label)}${outputsText(finding.candidate.outputIds, titles)}`;
  if (finding.kind === 'units') {
    return (
      `${candidate} verschilt minder dan ${finding.threshold} huishoudens van ${earlierText(finding)}. ` +
      'Wie beide exports naast elkaar legt, kan uitrekenen wat er over die paar huishoudens is gepubliceerd.'
    );
  }
  const feature = quoted(finding.feature.label);
  return (
    `${candidate} bestaat uit dezelfde huishoudens als ${earlierText(finding)}, maar bij minder dan ${finding.threshold} van die huishoudens ` +
    `is ${feature} anders. Wie beide exports naast elkaar legt, kan zien hoe ${feature} van die paar huishoudens is veranderd.`
  );
}

/** How an exception can still be made. */
export function justificationInstruction(): string {
  const rule = JUSTIFICATION_RULE;
  return (
    'Wilt u toch exporteren, schrijf dan een onderbouwing voor de outputcontroleur: waarom is dit verschil geen risico, of waarom zijn ' +
    `beide exports nodig en voor wie? Gebruik minstens ${rule.minCharacters} tekens en ${rule.minWords} woorden. De onderbouwing komt in het output log.`
  );
}

/** The refusal: one reason per finding, then how to justify an exception (empty when there is nothing to refuse). */
export function refusalReasons(findings: readonly DifferencingFinding[], titles?: OutputTitles): string[] {
  if (findings.length === 0) return [];
  return [...findings.map((finding) => describeFinding(finding, titles)), justificationInstruction()];
}

export type JustificationCheck = { ok: true; text: string } | { ok: false; message: string };

/** A word: two or more letters, possibly joined by a hyphen or an apostrophe ("zo'n", "Gilze-Rijen"). */
const WORD = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/gu;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Checks a justification against JUSTIFICATION_RULE; the text it returns is trimmed, with whitespace runs made single. */
export function validJustification(text: string): JustificationCheck {
  const rule = JUSTIFICATION_RULE;
  const normalized = text.replaceAll(/\s+/gu, ' ').trim();
  const characters = [...normalized].length;
  if (characters === 0) {
    return { ok: false, message: `Er is geen onderbouwing gegeven. ${justificationInstruction()}` };
  }
  if (characters > rule.maxCharacters) {
    return {
      ok: false,
      message: `De onderbouwing is ${characters} tekens lang; er passen er hoogstens ${rule.maxCharacters} in het output log. Maak haar korter.`,
    };
  }
  const words = (normalized.match(WORD) ?? []).filter((word) => [...word].filter((letter) => /\p{L}/u.test(letter)).length >= 2);
  const missing: string[] = [];
  if (characters < rule.minCharacters) missing.push(plural(rule.minCharacters - characters, 'teken', 'tekens'));
  if (words.length < rule.minWords) missing.push(plural(rule.minWords - words.length, 'woord', 'woorden'));
  if (missing.length > 0) {
    return {
      ok: false,
      message:
        `De onderbouwing is te kort: er ontbreken nog ${missing.join(' en ')}. Gebruik minstens ${rule.minCharacters} tekens en ${rule.minWords} woorden ` +
        '(een woord heeft minstens twee letters) en leg uit waarom het verschil met de eerdere export geen risico is.',
    };
  }
  const distinct = new Set(words.map((word) => word.toLocaleLowerCase('nl'))).size;
  if (distinct < rule.minDistinctWords) {
    return {
      ok: false,
      message:
        `De onderbouwing herhaalt steeds dezelfde woorden (${distinct} verschillende). ` +
        `Gebruik minstens ${rule.minDistinctWords} verschillende woorden en leg in eigen woorden uit waarom het verschil geen risico is.`,
    };
  }
  return { ok: true, text: normalized };
}

/**
 * What the output log records for one output of the new export: the findings about it and the analyst's
 * justification (an exception request the output checker decides on); undefined when no finding concerns it.
 * Throws when the justification does not pass validJustification.
 */
export function justificationLogEntry(outputId: string, findings: readonly DifferencingFinding[], justification: string): string | undefined {
  const concerning = findings.filter((finding) => finding.candidate.outputIds.includes(outputId));
  if (concerning.length === 0) return undefined;
  const check = validJustification(justification);
  if (!check.ok) throw new Error(check.message);
  const lines = concerning.map((finding) => {
    const earlier =
      `${quoted(finding.earlier.label)} in de export ${quoted(finding.earlier.export.title)} ` +
      `(studie ${quoted(finding.earlier.export.studyName)}, ${exportDate(finding.earlier.export.exportedAt)})`;
    return finding.kind === 'units'
      ? `populatie ${quoted(finding.candidate.label)} verschilt minder dan ${finding.threshold} huishoudens van ${earlier}`
      : `populatie ${quoted(finding.candidate.label)} heeft dezelfde huishoudens als ${earlier}, ` +
          `maar bij minder dan ${finding.threshold} van hen is ${quoted(finding.feature.label)} anders`;
  });
  return `Verschilcontrole: ${[...new Set(lines)].join('; ')}. Onderbouwing van de analist: ${check.text}`;
}
