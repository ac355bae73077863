// Turns a household draft into register rows with their histories: household, address, income,
// socio-economic, education and care spells, before and after the reference date.
import { civilOf, yyyymmdd } from '../common/calendar';
import { benefitTypeOf, type HouseholdType } from './cbs-codes';
import type { CellValue } from './csv-writer';
import type { ExtractTableId } from './extract-tables';
import type { HouseholdDraft, MemberDraft } from './household-draft';
import { householdKey, OBJECT_KIND, personKey, SOURCE, type Counter } from './keys';
import { writeCareSpells, writeSocioEconomicSpells } from './person-spells';
import type { Random } from './random';
import { DEMO_MUNICIPALITY, OPEN_END, OPEN_END_DAY, REFERENCE_DAY, YEAR_DAYS, type MunicipalityPlan } from './world-plan';

export interface EmitContext {
  random: Random;
  municipality: MunicipalityPlan;
  /** Where previous addresses and moves may be (the demo municipalities for demo households). */
  reachable: readonly MunicipalityPlan[];
  objectNumber: number;
  persons: Counter;
  households: Counter;
  write(table: ExtractTableId, values: readonly CellValue[]): void;
  /** Any address object of a municipality (historic addresses). */
  anyObject(random: Random, municipality: MunicipalityPlan): number;
  /** A vacant address object of a municipality (someone moving in). */
  vacantObject(random: Random, municipality: MunicipalityPlan): number;
}

export interface EmittedHousehold {
  householdKey: string;
  /** DATUMAANVANGHH of the spell valid on the reference date. */
  composedSince: string;
  referenceKey: string;
  partnerKey: string | null;
  /** Members on the reference date. */
  persons: number;
  memberKeys: string[];
  /** A single parent's former partner, who lives elsewhere (the other parent of the children). */
  formerPartnerKey: string | null;
  /** A child born after the reference date to the reference person and partner. */
  laterChildKey: string | null;
}

/** A member with the person key it was given. */
export interface Keyed extends MemberDraft {
  key: string;
}

/** PLHH, position in the household. */
function positionCode(member: MemberDraft, type: HouseholdType): string {
  if (member.position === 'child') return '1';
  if (type === 1) return '2';
  if (type === 8) return '10';
  if (type === 6) return '7';
  if (type === 7) return member.position === 'reference' ? '8' : '9';
  return String(type + 1); // 2->3, 3->4, 4->5, 5->6
}

/** Another reachable municipality; `avoid` keeps people out of a municipality whose population is planned. */
function otherMunicipality(random: Random, context: EmitContext, avoid?: string): MunicipalityPlan {
  const others = context.reachable.filter((m) => m.code !== context.municipality.code && m.code !== avoid);
  return others.length === 0 ? context.municipality : others[random.int(0, others.length - 1)]!;
}

class HouseholdEmitter {
  private readonly random: Random;
  constructor(private readonly context: EmitContext) {
    this.random = context.random;
  }

  private newPerson(member: MemberDraft): Keyed {
    const keyed = { ...member, key: personKey(this.context.persons.take()) };
    const birth = civilOf(member.birthDay);
    this.context.write('persons', [SOURCE, keyed.key, member.sex, birth.year, String(birth.month).padStart(2, '0'), member.generation, member.origin]);
    return keyed;
  }

  householdSpell(members: readonly Keyed[], number: string, type: HouseholdType, from: number, to: number): void {
    const children = members.filter((m) => m.position === 'child');
    const youngest = children.reduce<Keyed | undefined>((acc, child) => (!acc || child.birthDay > acc.birthDay ? child : acc), undefined);
    const youngestBirth = youngest ? civilOf(youngest.birthDay) : undefined;
    for (const member of members) {
      this.context.write('households', [
        SOURCE,
        member.key,
        yyyymmdd(from),
        to >= OPEN_END_DAY ? OPEN_END : yyyymmdd(to),
        number,
        type,
        positionCode(member, type),
        member.position === 'reference' ? 1 : 0,
        members.length,
        children.length,
        youngestBirth ? youngestBirth.year : '',
        youngestBirth ? String(youngestBirth.month).padStart(2, '0') : '',
      ]);
    }
  }

  private addressSpell(member: Keyed, from: number, to: number, objectNumber: number): void {
    this.context.write('addresses', [
      SOURCE,
      member.key,
      yyyymmdd(from),
      to >= OPEN_END_DAY ? OPEN_END : yyyymmdd(to),
      OBJECT_KIND,
      String(objectNumber).padStart(12, '0'),
    ]);
  }

  /** Addresses from birth up to (not including) `until`: a childhood home, then moves as an adult. */
  private earlierAddresses(member: Keyed, until: number, lastHome?: { from: number; objectNumber: number }): void {
    let end = until;
    const lastFrom = lastHome ? Math.max(member.birthDay, lastHome.from) : end;
    if (lastHome && lastFrom < end) {
      this.addressSpell(member, lastFrom, end - 1, lastHome.objectNumber);
      end = lastFrom;
    }
    if (end <= member.birthDay) return;
    const adultStart = member.birthDay + Math.floor(18 * YEAR_DAYS);
    const moves = end > adultStart ? Math.min(8, this.random.poisson((end - adultStart) / YEAR_DAYS / 9)) : 0;
    const cuts = Array.from({ length: moves }, () => this.random.int(adultStart, end - 1)).sort((a, b) => a - b);
    const starts = [member.birthDay, ...cuts];
    for (let i = starts.length - 1; i >= 0; i--) {
      const from = starts[i]!;
      if (from >= end) continue;
      const municipality = this.random.chance(0.7) ? this.context.municipality : otherMunicipality(this.random, this.context);
      this.addressSpell(member, from, end - 1, this.context.anyObject(this.random, municipality));
      end = from;
    }
  }

  private incomeRows(members: readonly Keyed[], breadwinner: Keyed, draft: Pick<HouseholdDraft, 'disposableIncome' | 'tenure' | 'incomeSource'>): void {
    const disposable = draft.disposableIncome;
    const known = disposable < 9_000_000_000;
    const gross = known ? Math.round((disposable * (1.25 + this.random.next() * 0.25)) / 10) * 10 : disposable;
    const standardised = known ? Math.round(disposable / Math.sqrt(members.length) / 10) * 10 : disposable;
    this.context.write('householdIncome', [
      SOURCE,
      breadwinner.key,
      disposable,
      gross,
      standardised,
      draft.tenure,
      draft.incomeSource,
      benefitTypeOf(draft.incomeSource),
    ]);
    for (const member of members) this.context.write('incomeLink', [SOURCE, member.key, SOURCE, breadwinner.key]);
  }

  /** A person who lives alone elsewhere from `from` (a former or leaving partner). */
  private livingAloneElsewhere(member: Keyed, from: number): void {
    const number = householdKey(this.context.households.take());
    this.householdSpell([{ ...member, position: 'reference' }], number, 1, from, OPEN_END_DAY);
    // Before the reference date nobody may settle in the demo municipality outside its planned households.
    const elsewhere = otherMunicipality(this.random, this.context, from <= REFERENCE_DAY ? DEMO_MUNICIPALITY : undefined);
    this.addressSpell(member, from, OPEN_END_DAY, this.context.vacantObject(this.random, elsewhere));
  }

  emit(draft: HouseholdDraft): EmittedHousehold {
    const { context, random } = this;
    const members = draft.members.map((member) => this.newPerson(member));
    const reference = members[0]!;
    const partner = members.find((m) => m.position === 'partner') ?? null;
    const children = members.filter((m) => m.position === 'child');
    const number = householdKey(context.households.take());
    const later = draft.later;
    const composedUntil = later.kind === 'birth' || later.kind === 'split' ? later.day - 1 : OPEN_END_DAY;

    // Household spells: the composition before the youngest arrived (or before a separation), now, and after.
    this.householdSpell(members, number, draft.type, draft.composedSince, composedUntil);
    const youngest = children[children.length - 1];
    let formerPartner: Keyed | null = null;
    if (draft.formerPartner) {
      formerPartner = this.newPerson(draft.formerPartner);
      const start = Math.max(draft.formedOn, youngest?.birthDay ?? draft.formedOn);
      if (start < draft.composedSince) {
        const together = [reference, formerPartner, ...children];
        this.householdSpell(together, householdKey(context.households.take()), random.chance(0.5) ? 5 : 4, start, draft.composedSince - 1);
      }
      this.livingAloneElsewhere(formerPartner, draft.composedSince);
      this.incomeRows([formerPartner], formerPartner, { disposableIncome: Math.round(random.logNormal(24_000, 0.35)), tenure: 2, incomeSource: 11 });
    } else if (youngest && draft.composedSince > draft.formedOn) {
      const before = members.filter((m) => m !== youngest);
      const secondYoungest = children[children.length - 2];
      const stillChildren = before.some((m) => m.position === 'child');
      const type: HouseholdType = stillChildren ? draft.type : draft.type === 5 ? 3 : draft.type === 4 ? 2 : 1;
      this.householdSpell(before, number, type, Math.max(draft.formedOn, secondYoungest?.birthDay ?? draft.formedOn), draft.composedSince - 1);
    }
    let laterChild: Keyed | null = null;
    if (later.kind === 'birth') {
      const baby = this.newPerson({
        ...reference,
        position: 'child',
        sex: later.sex,
        birthDay: later.day,
        generation: children[0]?.generation ?? reference.generation,
        education: null,
        socioEconomic: null,
        youthHelp: 'none',
        youthProtection: false,
        wmo: 'none',
      });
      laterChild = baby;
      this.householdSpell([...members, baby], number, draft.type, later.day, OPEN_END_DAY);
      this.addressSpell(baby, later.day, OPEN_END_DAY, context.objectNumber);
    } else if (later.kind === 'split' && partner) {
      const staying = members.filter((m) => m !== partner);
      this.householdSpell(staying, number, children.length > 0 ? 6 : 1, later.day, OPEN_END_DAY);
    }

    // Address spells: the family's previous home, the current one, and where they went after.
    const previousHome = {
      from: draft.movedIn - random.int(200, Math.floor(7 * YEAR_DAYS)),
      objectNumber: context.anyObject(random, draft.movedFromElsewhere ? otherMunicipality(random, context) : context.municipality),
    };
    const movedAway = later.kind === 'move' ? { day: later.day, objectNumber: context.vacantObject(random, otherMunicipality(random, context)) } : null;
    for (const member of members) {
      const from = Math.max(member.birthDay, draft.movedIn);
      const leavesAlone = later.kind === 'split' && member === partner;
      const until = movedAway ? movedAway.day - 1 : leavesAlone ? later.day - 1 : OPEN_END_DAY;
      this.addressSpell(member, from, until, context.objectNumber);
      if (movedAway) this.addressSpell(member, movedAway.day, OPEN_END_DAY, movedAway.objectNumber);
      this.earlierAddresses(member, from, member.position === 'child' || random.chance(0.8) ? previousHome : undefined);
      if (member.position !== 'child' && draft.formedOn > member.birthDay + 22 * YEAR_DAYS && member.position !== 'other') {
        // Before the couple or family formed, adults usually lived alone for a while.
        const alone = Math.max(member.birthDay + Math.floor(18 * YEAR_DAYS), draft.formedOn - random.int(300, Math.floor(6 * YEAR_DAYS)));
        if (alone < draft.formedOn)
          this.householdSpell([{ ...member, position: 'reference' }], householdKey(context.households.take()), 1, alone, draft.formedOn - 1);
      }
      writeSocioEconomicSpells(this.context, member);
      writeCareSpells(this.context, member);
      if (member.education !== null) context.write('education', [SOURCE, member.key, member.education]);
    }
    if (later.kind === 'split' && partner) this.livingAloneElsewhere(partner, later.day);
    if (formerPartner) {
      // Until the separation the former partner lived where the family lived.
      const sharedHome = draft.movedIn < draft.composedSince ? { from: draft.movedIn, objectNumber: context.objectNumber } : previousHome;
      this.earlierAddresses(formerPartner, draft.composedSince, sharedHome);
    }
    this.incomeRows(members, reference, draft);

    return {
      householdKey: number,
      composedSince: yyyymmdd(draft.composedSince),
      referenceKey: reference.key,
      partnerKey: partner?.key ?? null,
      persons: members.length,
      memberKeys: members.map((m) => m.key),
      formerPartnerKey: formerPartner?.key ?? null,
      laterChildKey: laterChild?.key ?? null,
    };
  }
}

export function emitHousehold(draft: HouseholdDraft, context: EmitContext): EmittedHousehold {
  return new HouseholdEmitter(context).emit(draft);
}
