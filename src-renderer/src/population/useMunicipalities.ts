// The municipalities of the open address-region file for the reference date's year (codes and address objects),
// asked again when the date changes; an answer for an older date is dropped.
import { useEffect, useState } from 'react';
import { callApi } from '../api/callApi';
import type { ValueOf } from '../api/types';

export type MunicipalityChoice = ValueOf<'municipalities'>[number];

export function useMunicipalities(referenceDate: string | null): MunicipalityChoice[] {
  const [loaded, setLoaded] = useState<{ date: string; choices: MunicipalityChoice[] } | null>(null);
  useEffect(() => {
    if (referenceDate === null) return undefined;
    let current = true;
    void callApi(() => window.api.municipalities({ referenceDate })).then((result) => {
      if (current) setLoaded({ date: referenceDate, choices: result.ok ? result.value : [] });
    });
    return () => {
      current = false;
    };
  }, [referenceDate]);
  return loaded && loaded.date === referenceDate ? loaded.choices : [];
}
