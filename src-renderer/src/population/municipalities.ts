// Names for the municipality codes the analyst is likely to type (the demo world's); others show the code only.
export const MUNICIPALITY_NAMES: Readonly<Record<string, string>> = {
  '0784': 'Gilze en Rijen',
  '0758': 'Breda',
  '0826': 'Oosterhout',
  '0766': 'Dongen',
  '0855': 'Tilburg',
  '0785': 'Goirle',
};
