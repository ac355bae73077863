// The person spells a household's members carry besides their household and address: the socio-economic position
// (with an earlier one for some) and care (youth help, youth protection, Wmo), current or past on the reference date.
import { yyyymmdd } from '../common/calendar';
import { WMO_SUPPORT_TYPES, YOUTH_HELP_FORMS, YOUTH_PROTECTION_MEASURES } from './cbs-codes';
import type { EmitContext, Keyed } from './household-rows';
import { SOURCE } from './keys';
import { OPEN_END, OPEN_END_DAY, REFERENCE_DAY, YEAR_DAYS } from './world-plan';

/** The member's socio-economic position from 15 on (ending after the reference date for some), and an earlier one. */
export function writeSocioEconomicSpells(context: EmitContext, member: Keyed): void {
  const random = context.random;
  if (member.socioEconomic === null) return;
  const fifteen = member.birthDay + Math.floor(15 * YEAR_DAYS);
  const start = Math.max(fifteen, REFERENCE_DAY - random.int(30, Math.floor(8 * YEAR_DAYS)));
  let end = OPEN_END_DAY;
  if (random.chance(0.1)) {
    end = REFERENCE_DAY + random.int(1, 500);
    context.write('socioEconomic', [
      SOURCE,
      member.key,
      yyyymmdd(end + 1),
      OPEN_END,
      random.pick([
        [11, 2],
        [21, 1],
        [32, 1],
      ]),
    ]);
  }
  context.write('socioEconomic', [SOURCE, member.key, yyyymmdd(start), end >= OPEN_END_DAY ? OPEN_END : yyyymmdd(end), member.socioEconomic]);
  if (start > fifteen + 400 && random.chance(0.45)) {
    const before = Math.max(fifteen, start - random.int(200, Math.floor(6 * YEAR_DAYS)));
    context.write('socioEconomic', [SOURCE, member.key, yyyymmdd(before), yyyymmdd(start - 1), member.socioEconomic === 11 ? 31 : 11]);
  }
}

/** The member's care spells as the draft plans them: current (around the reference date) or past. */
export function writeCareSpells(context: EmitContext, member: Keyed): void {
  const random = context.random;
  const write = (table: 'youthHelp' | 'youthProtection' | 'wmo', code: string, from: number, to: number) =>
    context.write(table, table === 'wmo' ? [SOURCE, member.key, yyyymmdd(from), yyyymmdd(to), code] : [SOURCE, member.key, code, yyyymmdd(from), yyyymmdd(to)]);
  const current = () => [REFERENCE_DAY - random.int(20, 700), REFERENCE_DAY + random.int(1, 500)] as const;
  const past = () => {
    const to = REFERENCE_DAY - random.int(30, 900);
    return [Math.max(member.birthDay, to - random.int(60, 700)), to] as const;
  };
  if (member.youthHelp !== 'none') {
    const [from, to] = member.youthHelp === 'current' ? current() : past();
    // A past spell needs the child to have been born before it ended.
    if (Math.max(member.birthDay, from) < to) write('youthHelp', random.pick(YOUTH_HELP_FORMS), Math.max(member.birthDay, from), to);
  }
  if (member.youthProtection) {
    const [from, to] = current();
    write('youthProtection', random.pick(YOUTH_PROTECTION_MEASURES), Math.max(member.birthDay, from), to);
  }
  if (member.wmo !== 'none') {
    const [from, to] = member.wmo === 'current' ? current() : past();
    if (Math.max(member.birthDay, from) < to) write('wmo', random.pick(WMO_SUPPORT_TYPES), Math.max(member.birthDay, from), to);
  }
}
