/** The 12 criminogenic life domains (seed 001, footnote 12). */
export const leefgebieden = [
  'delictgeschiedenis',
  'huidig-delict-en-delictpatroon',
  'huisvesting-en-wonen',
  'opleiding-werk-leren',
  'inkomen-en-omgaan-met-geld',
  'relaties-partner-gezin-familie',
  'relaties-vrienden-kennissen',
  'druggebruik',
  'alcoholgebruik',
  'emotioneel-welzijn',
  'denkpatronen-gedrag-vaardigheden',
  'houding',
] as const;
export type Leefgebied = (typeof leefgebieden)[number];
