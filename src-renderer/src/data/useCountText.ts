// How a published count of units reads on screen: the number, or "< 10" where the count rule hides it.
import type { ProfileCount } from '../api/types';
import { useFormat, useT } from '../i18n/useT';

export function useCountText(): (count: ProfileCount) => string {
  const t = useT();
  const format = useFormat();
  return (count) => (typeof count === 'number' ? format.number(count) : t('count.below', { threshold: format.number(count.below) }));
}
